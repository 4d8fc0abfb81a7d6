package io.drover.marathon.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.core.AgentId;
import io.drover.core.MasterInfo;
import io.drover.marathon.app.MarathonJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the leading master's {@code /state} and a task's sandbox files from its agent, for clients that only
 * know marathon-app (the web portal in a browser, the CLI). Read-only, and only these paths: it is not an
 * open proxy. Refusals are {@link ApiException}s: 404 for an unknown task, 503 when the master or agent cannot
 * be reached, 502 when it answers with an error (its message passed on).
 */
final class ClusterProxy {
  /** The sandbox files a client may read: a task's output, nothing else of the agent's disk. */
  enum SandboxFile {
    STDOUT("stdout"),
    STDERR("stderr");

    final String fileName;

    SandboxFile(String fileName) {
      this.fileName = fileName;
    }

    static SandboxFile named(String name) {
      for (SandboxFile file : values()) {
        if (file.fileName.equals(name)) {
          return file;
        }
      }
      throw ApiException.withMessage(400, "file must be stdout or stderr, not '" + name + "'");
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int REMEMBERED_SANDBOXES = 1024;

  private final ClusterDirectory directory;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NORMAL).build();

  /**
   * Where tasks' sandboxes were found, least recently read first out. A task id names one run whose sandbox
   * stays where it is, so a log tail's reads after the first go straight to the agent instead of asking the
   * master and the agent for their whole state each time; an entry that fails is forgotten (the agent may
   * have come back at another address).
   */
  private final Map<String, Sandbox> sandboxes =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Sandbox> eldest) {
              return size() > REMEMBERED_SANDBOXES;
            }
          });

  ClusterProxy(ClusterDirectory directory) {
    this.directory = directory;
  }

  /** The leading master's {@code /state}, as it answered. */
  byte[] masterState() {
    MasterInfo master = directory.leadingMaster().orElseThrow(() -> ApiException.withMessage(503, "no master is known yet: marathon-app has not subscribed"));
    return fetch(URI.create("http://" + hostLiteral(master.host()) + ":" + master.httpPort() + "/state"), "the master").readAllBytesOrThrow();
  }

  /** Mesos's {@code files/read} answer ({@code {data, offset}}) for one of a task's output files. */
  byte[] read(String taskId, SandboxFile file, long offset, long length) {
    return fromAgent(taskId, sandbox -> "/files/read?path=" + encode(sandbox.path(file)) + "&offset=" + offset + "&length=" + length).readAllBytesOrThrow();
  }

  /** The whole file, streamed from the agent. */
  InputStream download(String taskId, SandboxFile file) {
    return fromAgent(taskId, sandbox -> "/files/download?path=" + encode(sandbox.path(file))).body;
  }

  private Answer fromAgent(String taskId, Function<Sandbox, String> request) {
    Sandbox sandbox = sandboxes.get(taskId);
    if (sandbox == null) {
      sandbox = sandboxOf(taskId);
      sandboxes.put(taskId, sandbox);
    }
    try {
      return fetch(URI.create(sandbox.agentUrl + request.apply(sandbox)), "the agent");
    } catch (ApiException e) {
      sandboxes.remove(taskId);
      throw e;
    }
  }

  private record Sandbox(String agentUrl, String directory) {
    String path(SandboxFile file) {
      return directory + "/" + file.fileName;
    }
  }

  private Sandbox sandboxOf(String taskId) {
    AgentId agentId = directory.agentOf(taskId).orElseThrow(() -> ApiException.withMessage(404, "Task '" + taskId + "' does not exist"));
    JsonNode agent = null;
    for (JsonNode candidate : json(masterState(), "the master").path("agents")) {
      if (candidate.path("id").asText().equals(agentId.value())) {
        agent = candidate;
      }
    }
    if (agent == null || !agent.path("url").isTextual()) {
      throw ApiException.withMessage(503, "agent " + agentId.value() + " of task '" + taskId + "' is not connected to the master");
    }
    String agentUrl = agent.path("url").asText();
    JsonNode agentState = json(fetch(URI.create(agentUrl + "/state"), "the agent").readAllBytesOrThrow(), "the agent");
    // A task the agent still runs (or has just ended), else one it completed and keeps the sandbox of.
    for (String list : new String[] {"tasks", "completedTasks"}) {
      for (JsonNode task : agentState.path(list)) {
        if (task.path("id").asText().equals(taskId) && task.path("directory").isTextual()) {
          return new Sandbox(agentUrl, task.path("directory").asText());
        }
      }
    }
    throw ApiException.withMessage(404, "agent " + agentId.value() + " keeps no sandbox for task '" + taskId + "'");
  }

  private record Answer(InputStream body) {
    byte[] readAllBytesOrThrow() {
      try (InputStream in = body) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw ApiException.withMessage(503, "the answer broke off: " + e.getMessage());
      }
    }
  }

  private Answer fetch(URI uri, String who) {
    HttpResponse<InputStream> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ApiException.withMessage(503, who + " at " + uri.getAuthority() + " cannot be reached: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.withMessage(503, "interrupted while asking " + who);
    }
    if (response.statusCode() != 200) {
      String message;
      try (InputStream in = response.body()) {
        message = new String(in.readNBytes(1024), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        message = "";
      }
      throw ApiException.withMessage(502, who + " answered " + response.statusCode() + (message.isEmpty() ? "" : ": " + message));
    }
    return new Answer(response.body());
  }

  private static JsonNode json(byte[] body, String who) {
    try {
      return MarathonJson.mapper().readTree(body);
    } catch (IOException e) {
      throw ApiException.withMessage(502, who + " answered something that is not JSON");
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String hostLiteral(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
