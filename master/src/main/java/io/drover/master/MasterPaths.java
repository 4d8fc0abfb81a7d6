package io.drover.master;

/** Where the master keeps its state in ZooKeeper, below the cluster's root (such as {@code /drover}). */
public record MasterPaths(String root) {
  public String election() {
    return root + "/master/election";
  }

  public String leader() {
    return root + "/master/leader";
  }

  public String epoch() {
    return root + "/master/epoch";
  }

  public String agents() {
    return root + "/master/registry/agents";
  }

  public String agent(String agentId) {
    return agents() + "/" + agentId;
  }

  public String frameworks() {
    return root + "/master/registry/frameworks";
  }

  public String framework(String frameworkId) {
    return frameworks() + "/" + frameworkId;
  }

  public String failoverDeadlines() {
    return root + "/master/registry/failover-deadlines";
  }

  public String failoverDeadline(String frameworkId) {
    return failoverDeadlines() + "/" + frameworkId;
  }
}
