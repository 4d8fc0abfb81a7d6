package io.drover.marathon.launch;

/** {@code count} instances of an app version may be launched now. */
public record PendingLaunch(String appId, String version, int count) {}
