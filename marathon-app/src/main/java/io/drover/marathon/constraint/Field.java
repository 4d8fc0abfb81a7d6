package io.drover.marathon.constraint;

import io.drover.core.InvalidValueException;
import io.drover.sdk.placement.TaskSite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a constraint looks at on an agent: its hostname ({@code hostname} or {@code @hostname}) or one
 * of its attributes. Marathon's fault-domain fields {@code @region} and {@code @zone} read the
 * attributes {@code region} and {@code zone}, where Drover agents declare them.
 */
public record Field(String name) {
  public Field {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("a constraint needs a field name");
    }
  }

  public static Field of(String name) {
    return new Field(name);
  }

  public boolean isHostname() {
    return name.equals("hostname") || name.equals("@hostname");
  }

  /** The field's value on the agent of {@code site}; empty if the agent has no such attribute. */
  public Optional<String> valueAt(TaskSite site) {
    if (isHostname()) {
      return Optional.of(site.hostname());
    }
    return site.attributes().get(attributeName());
  }

  /** How many of {@code sites} have each value (sites without the attribute are left out). */
  public Map<String, Integer> countValues(List<TaskSite> sites) {
    Map<String, Integer> counts = new HashMap<>();
    for (TaskSite site : sites) {
      valueAt(site).ifPresent(v -> counts.merge(v, 1, Integer::sum));
    }
    return counts;
  }

  private String attributeName() {
    return switch (name) {
      case "@region" -> "region";
      case "@zone" -> "zone";
      default -> name;
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
