package io.drover.core;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable bag of resources: scalars (cpus, mem, disk, gpus), ranges (ports) and sets.
 *
 * <p>Scalars are kept in thousandths so that adding and subtracting offers never drifts (Mesos uses the
 * same fixed point); a value finer than 0.001 is rounded to it.
 */
public final class Resources {
  public static final String CPUS = "cpus";
  public static final String MEM = "mem";
  public static final String DISK = "disk";
  public static final String GPUS = "gpus";
  public static final String PORTS = "ports";

  public static final Resources EMPTY = new Resources(Map.of(), Map.of(), Map.of());

  private final SortedMap<String, Long> scalarMillis;
  private final SortedMap<String, Ranges> ranges;
  private final SortedMap<String, SortedSet<String>> sets;

  private Resources(Map<String, Long> scalarMillis, Map<String, Ranges> ranges, Map<String, SortedSet<String>> sets) {
    this.scalarMillis = Collections.unmodifiableSortedMap(new TreeMap<>(scalarMillis));
    this.ranges = Collections.unmodifiableSortedMap(new TreeMap<>(ranges));
    SortedMap<String, SortedSet<String>> frozen = new TreeMap<>();
    sets.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    this.sets = Collections.unmodifiableSortedMap(frozen);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Resources scalar(String name, double value) {
    return builder().scalar(name, value).build();
  }

  /** Convenience for the common cpus + mem (MiB) shape. */
  public static Resources cpusMem(double cpus, double memMb) {
    return builder().scalar(CPUS, cpus).scalar(MEM, memMb).build();
  }

  /**
   * Parses Mesos's text form: {@code cpus:4;mem:1024;disk:2048;ports:[31000-32000];zones:{a,b}}. A
   * name may appear once.
   */
  public static Resources parse(String text) {
    Builder b = builder();
    for (Map.Entry<String, String> entry : NamedValues.parse(text, "resource").entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (value.startsWith("[")) {
        b.ranges(name, Ranges.parse(value));
      } else if (value.startsWith("{") && value.endsWith("}")) {
        SortedSet<String> items = new TreeSet<>();
        for (String item : value.substring(1, value.length() - 1).split(",")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
        b.set(name, items);
      } else {
        try {
          b.scalar(name, Double.parseDouble(value));
        } catch (NumberFormatException e) {
          throw new InvalidValueException("resource '" + name + "' has value '" + value + "', which is not a number, [ranges] or {set}");
        }
      }
    }
    return b.build();
  }

  public double scalar(String name) {
    return scalarMillis.getOrDefault(name, 0L) / 1000.0;
  }

  public long scalarMillis(String name) {
    return scalarMillis.getOrDefault(name, 0L);
  }

  public double cpus() {
    return scalar(CPUS);
  }

  public double mem() {
    return scalar(MEM);
  }

  public double disk() {
    return scalar(DISK);
  }

  public Ranges ports() {
    return ranges(PORTS);
  }

  public Ranges ranges(String name) {
    return ranges.getOrDefault(name, Ranges.EMPTY);
  }

  public SortedSet<String> set(String name) {
    return sets.getOrDefault(name, Collections.emptySortedSet());
  }

  public Set<String> scalarNames() {
    return scalarMillis.keySet();
  }

  public Set<String> rangeNames() {
    return ranges.keySet();
  }

  public Set<String> setNames() {
    return sets.keySet();
  }

  public boolean isEmpty() {
    return scalarMillis.isEmpty() && ranges.isEmpty() && sets.isEmpty();
  }

  /** True when every resource of {@code other} is available here. */
  public boolean contains(Resources other) {
    for (Map.Entry<String, Long> e : other.scalarMillis.entrySet()) {
      if (scalarMillis.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    for (Map.Entry<String, Ranges> e : other.ranges.entrySet()) {
      if (!ranges(e.getKey()).containsAll(e.getValue())) {
        return false;
      }
    }
    for (Map.Entry<String, SortedSet<String>> e : other.sets.entrySet()) {
      if (!set(e.getKey()).containsAll(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  public Resources plus(Resources other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Map<String, Long> s = new TreeMap<>(scalarMillis);
    other.scalarMillis.forEach((k, v) -> s.merge(k, v, Long::sum));
    Map<String, Ranges> r = new TreeMap<>(ranges);
    other.ranges.forEach((k, v) -> r.merge(k, v, Ranges::plus));
    Map<String, SortedSet<String>> st = new TreeMap<>(sets);
    other.sets.forEach(
        (k, v) ->
            st.merge(
                k,
                v,
                (a, b) -> {
                  SortedSet<String> u = new TreeSet<>(a);
                  u.addAll(b);
                  return u;
                }));
    return new Resources(s, r, st);
  }

  /** What remains after taking {@code other} away; never negative, empty entries are dropped. */
  public Resources minus(Resources other) {
    if (other.isEmpty()) {
      return this;
    }
    Map<String, Long> s = new TreeMap<>(scalarMillis);
    other.scalarMillis.forEach(
        (k, v) -> {
          Long have = s.get(k);
          if (have != null) {
            long left = have - v;
            if (left > 0) {
              s.put(k, left);
            } else {
              s.remove(k);
            }
          }
        });
    Map<String, Ranges> r = new TreeMap<>(ranges);
    other.ranges.forEach(
        (k, v) -> {
          Ranges have = r.get(k);
          if (have != null) {
            Ranges left = have.minus(v);
            if (left.isEmpty()) {
              r.remove(k);
            } else {
              r.put(k, left);
            }
          }
        });
    Map<String, SortedSet<String>> st = new TreeMap<>(sets);
    other.sets.forEach(
        (k, v) -> {
          SortedSet<String> have = st.get(k);
          if (have != null) {
            SortedSet<String> left = new TreeSet<>(have);
            left.removeAll(v);
            if (left.isEmpty()) {
              st.remove(k);
            } else {
              st.put(k, left);
            }
          }
        });
    return new Resources(s, r, st);
  }

  /** Only the scalar part: what fair sharing is computed on. */
  public Resources scalars() {
    return ranges.isEmpty() && sets.isEmpty() ? this : new Resources(scalarMillis, Map.of(), Map.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r
        && scalarMillis.equals(r.scalarMillis)
        && ranges.equals(r.ranges)
        && sets.equals(r.sets);
  }

  @Override
  public int hashCode() {
    return scalarMillis.hashCode() * 31 * 31 + ranges.hashCode() * 31 + sets.hashCode();
  }

  /** The text form that {@link #parse} reads. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    scalarMillis.forEach((k, v) -> append(sb, k, formatMillis(v)));
    ranges.forEach((k, v) -> append(sb, k, v.toString()));
    sets.forEach((k, v) -> append(sb, k, "{" + String.join(",", v) + "}"));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, String value) {
    if (sb.length() > 0) {
      sb.append(';');
    }
    sb.append(name).append(':').append(value);
  }

  private static String formatMillis(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }

  /** Accumulates resources; adding a name twice adds the amounts. */
  public static final class Builder {
    private final Map<String, Long> scalarMillis = new TreeMap<>();
    private final Map<String, Ranges> ranges = new TreeMap<>();
    private final Map<String, SortedSet<String>> sets = new TreeMap<>();

    private Builder() {}

    public Builder scalar(String name, double value) {
      requireName(name);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new InvalidValueException("resource '" + name + "' must be a finite number >= 0, not " + value);
      }
      long millis = Math.round(value * 1000);
      if (millis > 0) {
        scalarMillis.merge(name, millis, Long::sum);
      }
      return this;
    }

    public Builder ranges(String name, Ranges value) {
      requireName(name);
      if (!value.isEmpty()) {
        ranges.merge(name, value, Ranges::plus);
      }
      return this;
    }

    public Builder set(String name, Set<String> items) {
      requireName(name);
      if (!items.isEmpty()) {
        sets.computeIfAbsent(name, k -> new TreeSet<>()).addAll(items);
      }
      return this;
    }

    public Builder add(Resources resources) {
      resources.scalarMillis.forEach((k, v) -> scalarMillis.merge(k, v, Long::sum));
      resources.ranges.forEach((k, v) -> ranges.merge(k, v, Ranges::plus));
      resources.sets.forEach((k, v) -> sets.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
      return this;
    }

    public Resources build() {
      return scalarMillis.isEmpty() && ranges.isEmpty() && sets.isEmpty()
          ? EMPTY
          : new Resources(scalarMillis, ranges, sets);
    }

    private static void requireName(String name) {
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
        throw new InvalidValueException("resource name '" + name + "' is invalid");
      }
    }
  }
}
