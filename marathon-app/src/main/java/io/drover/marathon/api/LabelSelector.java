package io.drover.marathon.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Marathon's {@code label} filter: comma-separated requirements that must all hold, each {@code key}
 * (present), {@code !key} (absent), {@code key==value}, {@code key!=value}, {@code key in (a, b)} or
 * {@code key notin (a, b)}.
 */
final class LabelSelector implements Predicate<Map<String, String>> {
  private static final Pattern SET = Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");
  private final List<Predicate<Map<String, String>>> requirements;

  private LabelSelector(List<Predicate<Map<String, String>>> requirements) {
    this.requirements = requirements;
  }

  static LabelSelector parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String requirement : splitOutsideParentheses(selector)) {
      requirements.add(requirement(requirement.trim()));
    }
    return new LabelSelector(requirements);
  }

  private static Predicate<Map<String, String>> requirement(String text) {
    Matcher set = SET.matcher(text);
    if (set.matches()) {
      String key = set.group(1);
      Set<String> values = Arrays.stream(set.group(3).split(",")).map(String::trim).collect(Collectors.toSet());
      boolean in = set.group(2).equals("in");
      return labels -> labels.containsKey(key) && values.contains(labels.get(key)) == in;
    }
    int equals = text.indexOf("==");
    if (equals > 0) {
      String key = text.substring(0, equals).trim();
      String value = text.substring(equals + 2).trim();
      return labels -> value.equals(labels.get(key));
    }
    int notEquals = text.indexOf("!=");
    if (notEquals > 0) {
      String key = text.substring(0, notEquals).trim();
      String value = text.substring(notEquals + 2).trim();
      return labels -> !value.equals(labels.get(key));
    }
    if (text.startsWith("!") && text.length() > 1) {
      String key = text.substring(1).trim();
      return labels -> !labels.containsKey(key);
    }
    if (text.isEmpty() || text.contains(" ") || text.contains("=")) {
      throw ApiException.withMessage(400, "Invalid label selector requirement: '" + text + "'");
    }
    return labels -> labels.containsKey(text);
  }

  private static List<String> splitOutsideParentheses(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }

  @Override
  public boolean test(Map<String, String> labels) {
    return requirements.stream().allMatch(requirement -> requirement.test(labels));
  }
}
