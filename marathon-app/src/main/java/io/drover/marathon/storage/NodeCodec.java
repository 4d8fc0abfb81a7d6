package io.drover.marathon.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Node contents: JSON as is up to {@code compressAbove} bytes, gzip above (recognised on reading by
 * gzip's magic bytes, which JSON never starts with); anything still larger than {@code maxNodeBytes}
 * is refused, keeping every node well below ZooKeeper's 1 MB limit.
 */
public record NodeCodec(int compressAbove, int maxNodeBytes) {
  public static final int DEFAULT_COMPRESS_ABOVE = 16 * 1024;
  public static final int DEFAULT_MAX_NODE_BYTES = 512 * 1024;
  public static final NodeCodec DEFAULT = new NodeCodec(DEFAULT_COMPRESS_ABOVE, DEFAULT_MAX_NODE_BYTES);

  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  public NodeCodec {
    if (maxNodeBytes > 1_000_000 - 64 * 1024) {
      throw new IllegalArgumentException("maxNodeBytes must stay well below ZooKeeper's 1 MB: " + maxNodeBytes);
    }
  }

  /** The bytes to store for {@code json} at {@code path}; throws {@link NodeTooLargeException}. */
  public byte[] encode(String path, byte[] json) {
    byte[] stored = json.length > compressAbove ? gzip(json) : json;
    if (stored.length > maxNodeBytes) {
      throw new NodeTooLargeException(
          path + " would take " + stored.length + " bytes" + (stored == json ? "" : " compressed (" + json.length + " as JSON)")
              + ", more than the " + maxNodeBytes + " bytes a node may hold");
    }
    return stored;
  }

  public byte[] decode(byte[] stored) {
    if (stored.length >= 2 && (stored[0] & 0xff) == GZIP_MAGIC_0 && (stored[1] & 0xff) == GZIP_MAGIC_1) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("corrupt compressed node", e);
      }
    }
    return stored;
  }

  private static byte[] gzip(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
