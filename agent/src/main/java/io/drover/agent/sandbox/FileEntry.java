package io.drover.agent.sandbox;

/** One entry of a sandbox listing, in the shape of Mesos's {@code /files/browse}. */
public record FileEntry(String path, long size, String mode, long mtime, long nlink, long uid, long gid) {}
