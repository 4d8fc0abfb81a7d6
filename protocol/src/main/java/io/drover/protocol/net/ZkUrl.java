package io.drover.protocol.net;

import io.drover.core.InvalidValueException;
import java.util.regex.Pattern;

/** A ZooKeeper location as users write it: {@code zk://host1:2181,host2:2181/drover}. */
public record ZkUrl(String connectString, String root) {
  private static final Pattern HOSTS = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+(,[A-Za-z0-9._\\-\\[\\]:]+)*");
  private static final Pattern ROOT = Pattern.compile("(/[A-Za-z0-9._\\-]+)+");

  public static final String DEFAULT_ROOT = "/drover";

  public ZkUrl {
    if (!HOSTS.matcher(connectString).matches()) {
      throw new InvalidValueException("ZooKeeper hosts '" + connectString + "' are not a list of host:port");
    }
    if (!ROOT.matcher(root).matches()) {
      throw new InvalidValueException("ZooKeeper root '" + root + "' must be a path such as /drover");
    }
  }

  public static ZkUrl parse(String url) {
    if (url == null || !url.startsWith("zk://")) {
      throw new InvalidValueException("ZooKeeper URL '" + url + "' must look like zk://host:2181/drover");
    }
    String rest = url.substring("zk://".length());
    int slash = rest.indexOf('/');
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    String root = slash < 0 || slash == rest.length() - 1 ? DEFAULT_ROOT : rest.substring(slash);
    return new ZkUrl(hosts, root);
  }

  /** A path below the root, e.g. {@code path("master", "leader")}. */
  public String path(String... segments) {
    return root + "/" + String.join("/", segments);
  }

  @Override
  public String toString() {
    return "zk://" + connectString + root;
  }
}
