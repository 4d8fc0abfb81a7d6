package io.drover.marathon.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code embed} puts into a group on {@code GET /v2/groups}, as Marathon reads it: {@code
 * group.groups}, {@code group.apps} and {@code group.pods} choose the members shown; {@code
 * group.apps.<x>} adds to each app shown what {@code apps.<x>} adds on {@code /v2/apps} (without
 * {@code group.apps} no app is shown). No embed at all means groups, apps and pods.
 */
record GroupEmbed(boolean groups, boolean apps, boolean pods, Set<AppEmbed> appEmbed) {
  static final GroupEmbed DEFAULT = new GroupEmbed(true, true, true, Set.of());
  private static final String APP_PREFIX = "group.apps.";

  GroupEmbed {
    appEmbed = Set.copyOf(appEmbed);
  }

  static GroupEmbed parse(List<String> values) {
    List<String> names =
        values == null
            ? List.of()
            : values.stream().flatMap(value -> List.of(value.split(",")).stream()).map(String::trim).filter(name -> !name.isEmpty()).toList();
    if (names.isEmpty()) {
      return DEFAULT;
    }
    boolean groups = false;
    boolean apps = false;
    boolean pods = false;
    Set<AppEmbed> appEmbed = EnumSet.noneOf(AppEmbed.class);
    for (String name : names) {
      if (name.startsWith(APP_PREFIX)) {
        appEmbed.addAll(AppEmbed.resolve(name.substring("group.".length())));
      } else {
        groups |= name.equals("group.groups");
        apps |= name.equals("group.apps");
        pods |= name.equals("group.pods");
      }
    }
    return new GroupEmbed(groups, apps, pods, appEmbed);
  }

  /** The same members, with apps as their plain definitions (what a stored group version shows). */
  GroupEmbed withoutAppEmbed() {
    return new GroupEmbed(groups, apps, pods, Set.of());
  }
}
