package io.drover.marathon.app;

/** An app's instance counts as Marathon reports them ({@code tasksStaged}, {@code tasksRunning}, ...). */
public record AppCounts(int tasksStaged, int tasksRunning, int tasksHealthy, int tasksUnhealthy) {
  public static final AppCounts NONE = new AppCounts(0, 0, 0, 0);
}
