package io.drover.marathon.storage;

import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where marathon-app keeps its state under the ZooKeeper root (default {@code /drover}):
 *
 * <pre>
 * &lt;root&gt;/marathon/election                 LeaderLatch participants
 * &lt;root&gt;/marathon/leader                   ephemeral JSON {id, host, httpPort, epoch}
 * &lt;root&gt;/marathon/epoch                    bumped by each new leader; every state write checks it
 * &lt;root&gt;/marathon/state/root               {"version": ...} of the root group
 * &lt;root&gt;/marathon/state/root-versions/&lt;ver&gt; a stored root group: each app's version and the groups
 * &lt;root&gt;/marathon/state/apps/&lt;id&gt;          {"current": version} of a running app
 * &lt;root&gt;/marathon/state/apps/&lt;id&gt;/&lt;ver&gt;    the app definition of that version
 * &lt;root&gt;/marathon/state/groups/&lt;id&gt;        a group's dependencies and version
 * &lt;root&gt;/marathon/state/deleted-apps/&lt;id&gt;@&lt;ver&gt;  an app deleted at that root version, history kept
 * &lt;root&gt;/marathon/state/deployments/&lt;id&gt;   a deployment under way
 * &lt;root&gt;/marathon/state/instances/&lt;id&gt;     an instance (written by the scheduling side)
 * &lt;root&gt;/marathon/state/task-failures/&lt;id&gt; the last task failure of an app
 * &lt;root&gt;/marathon/state/framework-id        the framework id the master gave
 * </pre>
 *
 * Ids are URL-encoded into one node name ({@code /prod/web} becomes {@code prod%2Fweb}); versions are
 * Marathon timestamps, which sort in time order.
 */
public record MarathonPaths(String root) {
  public MarathonPaths {
    if (!root.startsWith("/") || root.length() > 1 && root.endsWith("/")) {
      throw new IllegalArgumentException("a ZooKeeper root starts with / and does not end with one: " + root);
    }
  }

  public String marathon() {
    return (root.equals("/") ? "" : root) + "/marathon";
  }

  public String election() {
    return marathon() + "/election";
  }

  public String leader() {
    return marathon() + "/leader";
  }

  public String epoch() {
    return marathon() + "/epoch";
  }

  public String state() {
    return marathon() + "/state";
  }

  public String rootGroup() {
    return state() + "/root";
  }

  public String apps() {
    return state() + "/apps";
  }

  public String app(PathId id) {
    return apps() + "/" + encode(id);
  }

  public String appVersion(PathId id, Instant version) {
    return app(id) + "/" + MarathonJson.timestamp(version);
  }

  public String rootVersions() {
    return state() + "/root-versions";
  }

  public String rootVersion(Instant version) {
    return rootVersions() + "/" + MarathonJson.timestamp(version);
  }

  public String deletedApps() {
    return state() + "/deleted-apps";
  }

  /** The marker of an app deleted by root version {@code at}: the name alone says both (ids are encoded, so never hold {@code @}). */
  public String deletedApp(PathId id, Instant at) {
    return deletedApps() + "/" + encode(id) + DELETED_AT + MarathonJson.timestamp(at);
  }

  static final String DELETED_AT = "@";

  public String groups() {
    return state() + "/groups";
  }

  public String group(PathId id) {
    return groups() + "/" + encode(id);
  }

  public String deployments() {
    return state() + "/deployments";
  }

  public String deployment(String id) {
    return deployments() + "/" + encodeName(id);
  }

  public String instances() {
    return state() + "/instances";
  }

  public String instance(String id) {
    return instances() + "/" + encodeName(id);
  }

  public String taskFailures() {
    return state() + "/task-failures";
  }

  public String taskFailure(PathId appId) {
    return taskFailures() + "/" + encode(appId);
  }

  public String frameworkId() {
    return state() + "/framework-id";
  }

  static String encode(PathId id) {
    return encodeName(String.join("/", id.segments()));
  }

  static PathId decode(String nodeName) {
    return PathId.parse("/" + URLDecoder.decode(nodeName, StandardCharsets.UTF_8));
  }

  static String encodeName(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  static String decodeName(String nodeName) {
    return URLDecoder.decode(nodeName, StandardCharsets.UTF_8);
  }
}
