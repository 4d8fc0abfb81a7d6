package io.drover.agent.containerizer.docker;

import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import io.drover.core.ValueRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which host port each port mapping gets: a mapping's own host port when it names one (it must
 * be among the task's ports), else the next of the task's ports no other mapping uses. A mapping whose
 * protocol is {@code tcp,udp} binds the same host port for both.
 */
final class PortAssignment {
  private static final int MAX_PORT = 65535;

  private PortAssignment() {}

  /** A host port published to a container port. */
  record Binding(int hostPort, int containerPort, String protocol) {}

  static List<Binding> assign(List<PortMapping> mappings, Ranges offered) {
    Set<Integer> explicit = new HashSet<>();
    for (int i = 0; i < mappings.size(); i++) {
      PortMapping m = mappings.get(i);
      String which = "port mapping " + (i + 1) + " (" + m.hostPort() + " -> " + m.containerPort() + ")";
      if (m.containerPort() < 1 || m.containerPort() > MAX_PORT) {
        throw new InvalidValueException(which + ": container port " + m.containerPort() + " is out of range (1-" + MAX_PORT + ")");
      }
      if (m.hostPort() < 0 || m.hostPort() > MAX_PORT) {
        throw new InvalidValueException(which + ": host port " + m.hostPort() + " is out of range (0-" + MAX_PORT + ", 0: any of the task's ports)");
      }
      protocols(which, m.protocol());
      if (m.hostPort() != 0) {
        if (!offered.contains(m.hostPort())) {
          throw new InvalidValueException(which + ": host port " + m.hostPort() + " is not among the task's ports " + describe(offered));
        }
        if (!explicit.add(m.hostPort())) {
          throw new InvalidValueException(which + ": host port " + m.hostPort() + " is mapped twice");
        }
      }
    }
    long needed = mappings.size();
    if (needed > offered.size()) {
      throw new InvalidValueException("the port mappings ask for " + needed + " host port(s) but the task has " + offered.size() + " " + describe(offered));
    }
    Iterator<Integer> free = freePorts(offered, explicit, mappings.size()).iterator();
    List<Binding> out = new ArrayList<>();
    for (PortMapping m : mappings) {
      int host = m.hostPort() != 0 ? m.hostPort() : free.next();
      for (String protocol : protocols("", m.protocol())) {
        out.add(new Binding(host, m.containerPort(), protocol));
      }
    }
    return out;
  }

  private static Set<String> protocols(String which, String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : text.split(",")) {
      String protocol = p.strip().toLowerCase(java.util.Locale.ROOT);
      if (!protocol.equals("tcp") && !protocol.equals("udp")) {
        throw new InvalidValueException(which + ": protocol '" + text + "' is not tcp, udp or tcp,udp");
      }
      out.add(protocol);
    }
    return out;
  }

  /** At most {@code limit} of the offered ports, lowest first, that no mapping names. */
  private static List<Integer> freePorts(Ranges offered, Set<Integer> taken, int limit) {
    List<Integer> free = new ArrayList<>();
    for (ValueRange r : offered.ranges()) {
      for (long p = r.begin(); p <= r.end() && p <= MAX_PORT && free.size() < limit; p++) {
        if (!taken.contains((int) p)) {
          free.add((int) p);
        }
      }
    }
    return free;
  }

  private static String describe(Ranges offered) {
    return offered.isEmpty() ? "(none)" : offered.toString();
  }
}
