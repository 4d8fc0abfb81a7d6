package io.drover.marathon.app;

/** Read-only or read-write, as a host-path volume is mounted. */
public enum VolumeMode {
  RO,
  RW
}
