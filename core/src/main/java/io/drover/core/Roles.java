package io.drover.core;

import java.util.regex.Pattern;

/** Role names, as Mesos allows them (a hierarchy separated by '/'; '*' is the default role). */
public final class Roles {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private Roles() {}

  public static void requireValid(String role) {
    if ("*".equals(role)) {
      return;
    }
    if (role == null || role.isEmpty() || role.startsWith("/") || role.endsWith("/")) {
      throw new InvalidValueException("role '" + role + "' is invalid");
    }
    for (String segment : role.split("/")) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidValueException("role '" + role + "' has an invalid segment '" + segment + "'");
      }
    }
  }
}
