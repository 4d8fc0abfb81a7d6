package io.drover.cli;

/** One event of a {@code text/event-stream}: its type ({@code event:}) and its data lines joined. */
record ServerSentEvent(String type, String data) {}
