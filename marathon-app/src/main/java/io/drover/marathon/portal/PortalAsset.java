package io.drover.marathon.portal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file of the web portal, named by its path under {@code /ui/}: only plain names of the kinds the
 * portal ships are served, so a request can never reach another classpath resource.
 */
public record PortalAsset(String resource, String contentType) {
  static final String RESOURCE_ROOT = "io/drover/marathon/portal/";

  private static final Pattern SAFE_PATH = Pattern.compile("(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*\\.[a-z]+");
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "ico", "image/x-icon");

  /** The asset a request path under {@code /ui} names (empty or {@code /} is the page itself), if any. */
  public static Optional<PortalAsset> forPath(String pathInfo) {
    String path = pathInfo == null || pathInfo.equals("/") ? "index.html" : pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      return Optional.empty();
    }
    String extension = path.substring(path.lastIndexOf('.') + 1);
    return Optional.ofNullable(CONTENT_TYPES.get(extension)).map(type -> new PortalAsset(RESOURCE_ROOT + path, type));
  }
}
