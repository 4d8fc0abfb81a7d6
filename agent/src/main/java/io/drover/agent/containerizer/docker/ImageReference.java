package io.drover.agent.containerizer.docker;

import io.drover.core.InvalidValueException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker image reference, {@code [domain[:port]/]path[:tag][@digest]}, checked against the grammar the
 * engine uses (distribution's reference package), so that a bad name is refused with a reason before
 * the engine is asked.
 */
record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final int MAX_NAME_LENGTH = 255;

  static ImageReference parse(String text) {
    Matcher m = REFERENCE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new InvalidValueException(
          "image name '" + text + "' is invalid: use [registry/]name[:tag][@digest] with lowercase letters, digits and . _ - separators");
    }
    if (m.group(1).length() > MAX_NAME_LENGTH) {
      throw new InvalidValueException("image name '" + text + "' is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return new ImageReference(m.group(1), Optional.ofNullable(m.group(2)), Optional.ofNullable(m.group(3)));
  }

  /** What to pull: the digest, else the tag, else {@code latest} (an empty tag would pull every tag). */
  String pullTag() {
    return digest.or(() -> tag).orElse("latest");
  }
}
