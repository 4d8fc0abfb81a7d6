package io.drover.marathon.constraint;

import io.drover.core.InvalidValueException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression matched in full against attribute values, with a bound on the work one match
 * may take: the input is read through a view that counts characters read and gives up past {@code
 * stepBudget}, so that a pattern that backtracks catastrophically (such as {@code (.*a){20}}) costs a
 * scheduler a few milliseconds instead of hours. Outcomes are remembered per value, since agents
 * repeat the same few values offer after offer.
 */
public final class BoundedRegex {
  /** Characters one match may read: far beyond what any sane pattern needs on an attribute value. */
  public static final long DEFAULT_STEP_BUDGET = 100_000;

  private static final int MEMO_LIMIT = 1024;

  /** How one match ended. */
  public enum Outcome {
    MATCH,
    NO_MATCH,
    /** Matching read more than the budget allows and was abandoned. */
    TOO_COSTLY
  }

  private final Pattern pattern;
  private final long stepBudget;
  private final Map<String, Outcome> memo = new ConcurrentHashMap<>();

  private BoundedRegex(Pattern pattern, long stepBudget) {
    this.pattern = pattern;
    this.stepBudget = stepBudget;
  }

  /** Compiles {@code regex}, or says why it is not a valid regular expression. */
  public static BoundedRegex compile(String regex) {
    return compile(regex, DEFAULT_STEP_BUDGET);
  }

  public static BoundedRegex compile(String regex, long stepBudget) {
    if (stepBudget <= 0) {
      throw new IllegalArgumentException("stepBudget must be > 0");
    }
    try {
      return new BoundedRegex(Pattern.compile(regex), stepBudget);
    } catch (PatternSyntaxException e) {
      throw new InvalidValueException("'" + regex + "' is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  public String pattern() {
    return pattern.pattern();
  }

  public long stepBudget() {
    return stepBudget;
  }

  /** Whether {@code input} matches the whole pattern, within the budget. */
  public Outcome matches(String input) {
    Outcome known = memo.get(input);
    if (known != null) {
      return known;
    }
    Outcome outcome;
    try {
      outcome = pattern.matcher(new CountingChars(input, new Steps(stepBudget))).matches() ? Outcome.MATCH : Outcome.NO_MATCH;
    } catch (BudgetExhausted e) {
      outcome = Outcome.TOO_COSTLY;
    }
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(input, outcome);
    return outcome;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoundedRegex other && other.pattern.pattern().equals(pattern.pattern()) && other.stepBudget == stepBudget;
  }

  @Override
  public int hashCode() {
    return pattern.pattern().hashCode();
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }

  /** Characters read so far by one match, shared by the views of sub-sequences. */
  private static final class Steps {
    private final long budget;
    private long taken;

    Steps(long budget) {
      this.budget = budget;
    }

    void take() {
      if (++taken > budget) {
        throw new BudgetExhausted();
      }
    }
  }

  /** A view of a string that charges every character read to {@link Steps}. */
  private static final class CountingChars implements CharSequence {
    private final String text;
    private final Steps steps;

    CountingChars(String text, Steps steps) {
      this.text = text;
      this.steps = steps;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      steps.take();
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new CountingChars(text.substring(start, end), steps);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Thrown out of the matcher when the budget is spent; carries no stack trace, it is control flow. */
  private static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted() {
      super(null, null, false, false);
    }
  }
}
