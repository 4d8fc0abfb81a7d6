package io.drover.agent.sandbox;

/** Bytes read from a sandbox file, in the shape of Mesos's {@code /files/read}: the text and where it starts. */
public record FileChunk(String data, long offset) {}
