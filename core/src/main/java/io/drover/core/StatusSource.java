package io.drover.core;

/** Who produced a status update. */
public enum StatusSource {
  SOURCE_MASTER,
  SOURCE_AGENT,
  SOURCE_EXECUTOR
}
