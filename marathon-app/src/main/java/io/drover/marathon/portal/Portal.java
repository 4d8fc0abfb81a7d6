package io.drover.marathon.portal;

import io.dropwizard.jetty.setup.ServletEnvironment;

/**
 * The web portal: static pages under {@code /ui/} that use only marathon-app's public HTTP API (REST
 * v2, {@code /v2/events}, {@code /cluster}), and {@code /} sending browsers there.
 */
public final class Portal {
  private Portal() {}

  /** Adds the portal's servlets; exact and longer path mappings win over the API's {@code /*}. */
  public static void register(ServletEnvironment servlets) {
    servlets.addServlet("portal", new PortalServlet()).addMapping("/ui", "/ui/*");
    servlets.addServlet("portal-root", new RootRedirectServlet()).addMapping("");
  }
}
