package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A Marathon path id such as {@code /prod/web}: the segments of a path through the group tree. Ids
 * given without a leading slash are relative (to the enclosing group) until {@link #canonical} resolves
 * them; {@code .} and {@code ..} segments are kept as given so that validation can see them.
 */
public record PathId(List<String> segments, boolean absolute) implements Comparable<PathId> {
  public static final PathId ROOT = new PathId(List.of(), true);

  public PathId {
    segments = List.copyOf(segments);
  }

  /** Parses {@code /a/b}, {@code a/b} or {@code /}; empty segments (double or trailing slashes) are dropped. */
  @JsonCreator
  public static PathId parse(String raw) {
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return new PathId(parts, raw.startsWith("/"));
  }

  public static PathId of(String... segments) {
    return new PathId(List.of(segments), true);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The last segment, or the empty string for the root. */
  public String name() {
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  /** The enclosing group's id; the root is its own parent. */
  public PathId parent() {
    return segments.isEmpty() ? this : new PathId(segments.subList(0, segments.size() - 1), absolute);
  }

  public PathId child(String segment) {
    List<String> parts = new ArrayList<>(segments);
    parts.add(segment);
    return new PathId(parts, absolute);
  }

  /** True if this id is {@code other} or lies below it. */
  public boolean isWithin(PathId other) {
    return segments.size() >= other.segments.size()
        && segments.subList(0, other.segments.size()).equals(other.segments);
  }

  /**
   * This id as an absolute id: unchanged if it already is, otherwise resolved against {@code base}
   * with {@code .} and {@code ..} applied (as Marathon does for relative dependencies such as {@code ../db}).
   */
  public PathId canonical(PathId base) {
    List<String> parts = new ArrayList<>(absolute ? List.of() : base.segments);
    for (String part : segments) {
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!part.equals(".")) {
        parts.add(part);
      }
    }
    return new PathId(parts, true);
  }

  @JsonValue
  @Override
  public String toString() {
    String joined = String.join("/", segments);
    return absolute ? "/" + joined : joined;
  }

  @Override
  public int compareTo(PathId other) {
    return toString().compareTo(other.toString());
  }
}
