package io.drover.dist;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class DroverVersion implements IVersionProvider {
  static String get() {
    String version = Drover.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"drover " + get()};
  }
}
