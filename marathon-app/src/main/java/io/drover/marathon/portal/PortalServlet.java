package io.drover.marathon.portal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Serves the web portal's static files (HTML, ES modules, CSS) from marathon-app's classpath under
 * {@code /ui/}, as Marathon did. Files are re-validated on every load ({@code no-cache}) so that an
 * upgraded marathon-app is never shown with an old page.
 */
final class PortalServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getPathInfo() == null) {
      // "/ui" without the slash: the page's relative module paths need the slash.
      response.sendRedirect("/ui/");
      return;
    }
    Optional<PortalAsset> asset = PortalAsset.forPath(request.getPathInfo());
    InputStream content = asset.map(a -> PortalServlet.class.getClassLoader().getResourceAsStream(a.resource())).orElse(null);
    if (content == null) {
      // Plain text: the requested path is echoed, and must never be read as markup.
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("text/plain; charset=utf-8");
      response.getWriter().write("No such portal file: " + request.getPathInfo() + "\n");
      return;
    }
    try (content) {
      response.setContentType(asset.get().contentType());
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      content.transferTo(response.getOutputStream());
    }
  }
}
