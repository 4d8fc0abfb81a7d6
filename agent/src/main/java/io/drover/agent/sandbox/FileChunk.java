package io.drover.agent.sandbox;

/**
 * Bytes read from a sandbox file, in the shape of Mesos's {@code /files/read}: the text and where it starts.
 * The text holds whole UTF-8 characters only, so the next read starts at {@code offset} plus its UTF-8 length.
 */
public record FileChunk(String data, long offset) {}
