package io.drover.master.view;

import io.drover.core.Resources;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON form of {@link Resources} the operator API shows. */
public final class ResourcesJson {
  private ResourcesJson() {}

  public static Map<String, Object> of(Resources resources) {
    Map<String, Object> out = new TreeMap<>();
    resources.scalarNames().forEach(name -> out.put(name, resources.scalar(name)));
    resources.rangeNames().forEach(name -> out.put(name, resources.ranges(name).toString()));
    resources.setNames().forEach(name -> out.put(name, List.copyOf(resources.set(name))));
    return out;
  }
}
