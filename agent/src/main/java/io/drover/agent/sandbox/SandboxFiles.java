package io.drover.agent.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Serves the files of task sandboxes, as Mesos's files API does: paths are absolute paths of the agent's
 * file system, and only what lies within a run's sandbox (after every symbolic link is followed) is
 * served.
 */
public final class SandboxFiles {
  /** The most a single read returns, as Mesos caps it (16 pages). */
  public static final int MAX_READ = 16 * 4096;

  private final SandboxLayout layout;

  public SandboxFiles(SandboxLayout layout) {
    this.layout = layout;
  }

  /** The directory under which every sandbox lies. */
  public Path root() {
    return layout.root();
  }

  /** Decides whether {@code requested} may be served, resolving links to find where it really is. */
  public SandboxPath resolve(String requested) {
    if (requested == null || requested.isBlank()) {
      return refused(SandboxPath.Problem.INVALID, "the 'path' parameter is required");
    }
    Path path;
    try {
      path = Path.of(requested);
    } catch (InvalidPathException e) {
      return refused(SandboxPath.Problem.INVALID, "'" + requested + "' is not a valid path");
    }
    if (!path.isAbsolute()) {
      return refused(SandboxPath.Problem.INVALID, "'" + requested + "' is not an absolute path");
    }
    for (Path segment : path) {
      if (segment.toString().equals("..")) {
        return refused(SandboxPath.Problem.INVALID, "'" + requested + "' must not contain '..'");
      }
    }
    path = path.normalize();
    try {
      if (!Files.isDirectory(layout.root())) {
        return refused(SandboxPath.Problem.NOT_FOUND, "'" + requested + "' does not exist");
      }
      Path realRoot = layout.root().toRealPath();
      Path real = realPathOfLongestExistingPrefix(path);
      if (!SandboxLayout.isWithinSandbox(realRoot, real)) {
        return refused(SandboxPath.Problem.OUTSIDE_SANDBOX, "'" + requested + "' is not within a task sandbox");
      }
      if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
        return refused(SandboxPath.Problem.NOT_FOUND, "'" + requested + "' does not exist");
      }
      return new SandboxPath.Found(path, real);
    } catch (IOException e) {
      return refused(SandboxPath.Problem.NOT_FOUND, "'" + requested + "' cannot be read: " + e.getMessage());
    }
  }

  /**
   * The real path of the longest prefix that exists, with the rest appended: a missing file's location is
   * judged by where its existing parent really is, so a link cannot smuggle a lookup outside.
   */
  private static Path realPathOfLongestExistingPrefix(Path path) throws IOException {
    Path existing = path;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    Path real = existing.toRealPath();
    return rest == null ? real : real.resolve(rest);
  }

  private static SandboxPath refused(SandboxPath.Problem problem, String reason) {
    return new SandboxPath.Refused(problem, reason);
  }

  /** The entries of a directory (sorted by name), or the file itself. Links are listed, not followed. */
  public List<FileEntry> browse(SandboxPath.Found found) throws IOException {
    if (!Files.isDirectory(found.real())) {
      return List.of(entry(found.requested().toString(), found.real()));
    }
    List<FileEntry> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(found.real())) {
      for (Path child : children.sorted().toList()) {
        out.add(entry(found.requested().resolve(child.getFileName()).toString(), child));
      }
    }
    return out;
  }

  private static FileEntry entry(String shownPath, Path file) throws IOException {
    Map<String, Object> a = Files.readAttributes(file, "unix:mode,nlink,uid,gid,size,lastModifiedTime,isDirectory,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
    char type = (Boolean) a.get("isDirectory") ? 'd' : (Boolean) a.get("isSymbolicLink") ? 'l' : '-';
    int mode = (Integer) a.get("mode");
    return new FileEntry(
        shownPath,
        (Long) a.get("size"),
        type + PosixFilePermissions.toString(permissions(mode)),
        ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond(),
        ((Integer) a.get("nlink")).longValue(),
        ((Integer) a.get("uid")).longValue(),
        ((Integer) a.get("gid")).longValue());
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = java.util.EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        out.add(order[i]);
      }
    }
    return out;
  }

  /**
   * Reads up to {@code length} bytes (at most {@link #MAX_READ}) from {@code offset}. Offset -1 asks only
   * for the size: empty data at the file's length, as Mesos answers it; an offset at or past the end gets
   * empty data at the end.
   */
  public FileChunk read(SandboxPath.Found found, long offset, long length) throws IOException {
    if (Files.isDirectory(found.real())) {
      throw new IllegalArgumentException("'" + found.requested() + "' is a directory");
    }
    if (offset < -1) {
      throw new IllegalArgumentException("offset must be -1 or >= 0, not " + offset);
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, not " + length);
    }
    try (SeekableByteChannel file = openWithoutFollowing(found.real())) {
      long size = file.size();
      if (offset == -1 || offset >= size) {
        return new FileChunk("", size);
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(Math.min(length, MAX_READ), size - offset));
      file.position(offset);
      while (bytes.hasRemaining() && file.read(bytes) >= 0) {
        // Read until full or at the end.
      }
      return new FileChunk(new String(bytes.array(), 0, wholeCharacters(bytes.array(), bytes.position()), StandardCharsets.UTF_8), offset);
    }
  }

  /**
   * How many of the first {@code length} bytes make whole UTF-8 characters: a character cut by the end of a
   * read is left for the next one, so that a reader that moves on by the UTF-8 length of the text it got
   * lands exactly where this read ended. (A chunk too short for its one character is returned as it is.)
   */
  static int wholeCharacters(byte[] bytes, int length) {
    for (int back = 1; back <= Math.min(3, length); back++) {
      int b = bytes[length - back] & 0xFF;
      if ((b & 0xC0) == 0x80) {
        continue; // a continuation byte: the character started further back
      }
      int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      int start = length - back;
      return start + needed <= length || start == 0 ? length : start;
    }
    return length;
  }

  /**
   * Opens the resolved file without following a link in its last step, so that a task cannot swap it for
   * a link to elsewhere between the check and the read.
   */
  private static SeekableByteChannel openWithoutFollowing(Path real) throws IOException {
    return Files.newByteChannel(real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }

  /** The file's content, for a download. */
  public InputStream open(SandboxPath.Found found) throws IOException {
    if (Files.isDirectory(found.real())) {
      throw new IllegalArgumentException("'" + found.requested() + "' is a directory and cannot be downloaded");
    }
    return Channels.newInputStream(openWithoutFollowing(found.real()));
  }
}
