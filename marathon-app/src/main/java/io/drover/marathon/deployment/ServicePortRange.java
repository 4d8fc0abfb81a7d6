package io.drover.marathon.deployment;

/**
 * Where service ports left at 0 are taken from: {@code min} up to, not including, {@code max} (Marathon's
 * {@code --local_port_min} / {@code --local_port_max}, 10000 and 20000 by default).
 */
public record ServicePortRange(int min, int max) {
  public static final ServicePortRange DEFAULT = new ServicePortRange(10_000, 20_000);

  public ServicePortRange {
    if (min < 1 || max > 65_536 || min >= max) {
      throw new IllegalArgumentException("a service port range needs 1 <= min < max <= 65536, not " + min + "-" + max);
    }
  }

  public boolean contains(int port) {
    return port >= min && port < max;
  }
}
