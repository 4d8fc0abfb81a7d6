package io.drover.agent.containerizer;

import java.util.concurrent.CompletableFuture;

/** A container a containerizer watches; {@code termination} completes when it has ended. */
public record RunningContainer(ContainerId id, CompletableFuture<Termination> termination) {}
