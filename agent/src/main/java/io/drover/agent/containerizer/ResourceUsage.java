package io.drover.agent.containerizer;

/** What a container's processes use now: CPU time so far, resident memory, and how many processes. */
public record ResourceUsage(double cpuSeconds, long residentBytes, int processes) {}
