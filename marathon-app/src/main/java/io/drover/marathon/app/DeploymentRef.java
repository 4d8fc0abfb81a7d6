package io.drover.marathon.app;

/** A reference to a deployment in an app's {@code deployments} list: {@code {"id":"..."}}. */
public record DeploymentRef(String id) {}
