package io.drover.agent.containerizer.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine the tests run against: the one {@code DOCKER_HOST} names, with the test image
 * {@code DROVER_TEST_IMAGE} (default {@value #DEFAULT_IMAGE}) already in it; {@code ./run-tests} provides
 * both through {@code scripts/docker-test-engine.sh}. Without {@code DOCKER_HOST} the Docker tests are
 * skipped (an assumption says why); with it, an engine that does not answer or lacks the image fails them.
 */
public final class DockerTestEngine {
  public static final String DEFAULT_IMAGE = "drover-test/busybox:1";
  /**
   * A registry address on loopback where nothing listens: images named under it make a pull fail at
   * once, without the engine looking up or reaching any registry beyond this machine.
   */
  public static final String UNREACHABLE_REGISTRY = "127.0.0.1:1";
  public static final String MISSING_IMAGE = UNREACHABLE_REGISTRY + "/drover-test/no-such-image:1";

  private DockerTestEngine() {}

  /** The engine's address; skips the test when none is configured, fails it when the engine is unusable. */
  public static URI host() {
    String host = System.getenv("DOCKER_HOST");
    Assumptions.assumeTrue(
        host != null && !host.isBlank(),
        "DOCKER_HOST is not set, so the Docker tests are skipped: ./run-tests, or eval \"$(scripts/docker-test-engine.sh start)\", provides an engine");
    URI uri = DockerSettings.parseHost(host);
    try (DockerEngine engine = DockerEngine.connect(uri)) {
      if (engine.version().isEmpty()) {
        fail("DOCKER_HOST=" + host + " is set but no Docker engine answers there");
      }
      try {
        engine.client().inspectImageCmd(image()).exec();
      } catch (NotFoundException e) {
        fail("the Docker engine at " + host + " has no test image " + image() + " (scripts/docker-test-engine.sh start makes it)");
      }
    }
    return uri;
  }

  public static String image() {
    String image = System.getenv("DROVER_TEST_IMAGE");
    return image == null || image.isBlank() ? DEFAULT_IMAGE : image;
  }

  /** A client for the test's own looks at the engine; close it after the test. */
  public static DockerEngine engine() {
    return DockerEngine.connect(host());
  }

  public static DockerClient client(DockerEngine engine) {
    return engine.client();
  }
}
