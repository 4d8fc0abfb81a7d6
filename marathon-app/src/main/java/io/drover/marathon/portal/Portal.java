package io.drover.marathon.portal;

import io.dropwizard.jetty.setup.ServletEnvironment;
import io.dropwizard.servlets.CacheBustingFilter;
import io.dropwizard.servlets.assets.AssetServlet;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/**
 * The web portal: static pages under {@code /ui/} that use only marathon-app's public HTTP API (REST
 * v2, {@code /v2/events}, {@code /cluster}), and {@code /} sending browsers there. The files are served
 * from this package's folder on the classpath, and nothing else; browsers revalidate them on every load,
 * so an upgraded marathon-app is never shown with an old page.
 */
public final class Portal {
  /** A folder of its own, so that no class of this package can be asked for. */
  private static final String FILES = "/io/drover/marathon/portal/ui";

  private Portal() {}

  /** Adds the portal's servlets; exact and longer path mappings win over the API's {@code /*}. */
  public static void register(ServletEnvironment servlets) {
    servlets.addServlet("portal", new AssetServlet(FILES, "/ui", "index.html", StandardCharsets.UTF_8)).addMapping("/ui/*");
    servlets.addFilter("portal-revalidate", new CacheBustingFilter()).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/ui/*");
    servlets.addServlet("portal-root", new RootRedirectServlet()).addMapping("", "/ui");
  }
}
