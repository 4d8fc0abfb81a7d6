package io.drover.core;

import java.util.regex.Pattern;

/** Rules shared by every identifier: they end up in paths, znodes and container labels. */
final class Ids {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

  private Ids() {}

  static void requireValid(String value, String kind) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidValueException(
          kind + " '" + value + "' is invalid: use 1-255 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
    }
  }
}
