package io.drover.marathon.app;

/** A host directory mounted into the container at {@code containerPath}. */
public record Volume(String containerPath, String hostPath, VolumeMode mode) {}
