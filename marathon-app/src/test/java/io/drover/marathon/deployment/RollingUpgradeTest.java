package io.drover.marathon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.marathon.app.UpgradeStrategy;
import io.drover.marathon.deployment.RollingUpgrade.Counts;
import io.drover.marathon.deployment.RollingUpgrade.Move;
import org.junit.jupiter.api.Test;

class RollingUpgradeTest {
  private static final double[] FRACTIONS = {0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 1.0};

  @Test
  void boundsFollowMarathonsRounding() {
    UpgradeStrategy strategy = new UpgradeStrategy(0.5, 0.2);

    assertThat(RollingUpgrade.minimumHealthy(5, strategy)).isEqualTo(3);
    assertThat(RollingUpgrade.maximumAlive(5, strategy)).isEqualTo(6);
    assertThat(RollingUpgrade.minimumHealthy(3, new UpgradeStrategy(0.7, 0.0))).isEqualTo(3);
    assertThat(RollingUpgrade.maximumAlive(3, new UpgradeStrategy(1.0, 1.0))).isEqualTo(6);
  }

  @Test
  void defaultStrategyLaunchesAllNewFirstAndKillsOneOldPerNewHealthy() {
    UpgradeStrategy strategy = UpgradeStrategy.DEFAULT;

    assertThat(RollingUpgrade.next(4, strategy, new Counts(4, 4, 0, 0))).isEqualTo(new Move(0, 4));
    assertThat(RollingUpgrade.next(4, strategy, new Counts(4, 4, 4, 0))).isEqualTo(Move.NONE);
    assertThat(RollingUpgrade.next(4, strategy, new Counts(4, 4, 4, 1))).isEqualTo(new Move(1, 0));
    assertThat(RollingUpgrade.next(4, strategy, new Counts(0, 0, 4, 4))).isEqualTo(Move.NONE);
    assertThat(RollingUpgrade.isComplete(4, new Counts(0, 0, 4, 4))).isTrue();
  }

  @Test
  void zeroMinimumHealthKillsEverythingOldAtOnce() {
    assertThat(RollingUpgrade.next(3, new UpgradeStrategy(0.0, 0.0), new Counts(3, 3, 0, 0))).isEqualTo(new Move(3, 3));
  }

  @Test
  void noRoomAtAllKillsOneOldWhileNothingIsPending() {
    UpgradeStrategy tight = new UpgradeStrategy(1.0, 0.0);

    assertThat(RollingUpgrade.next(3, tight, new Counts(3, 3, 0, 0))).isEqualTo(new Move(1, 0));
    assertThat(RollingUpgrade.next(3, tight, new Counts(2, 2, 0, 0))).isEqualTo(new Move(0, 1));
    assertThat(RollingUpgrade.next(3, tight, new Counts(2, 2, 1, 0))).isEqualTo(Move.NONE);
    assertThat(RollingUpgrade.next(3, tight, new Counts(2, 2, 1, 1))).isEqualTo(new Move(1, 0));
  }

  @Test
  void unhealthyOldInstancesGoFirstWithoutCountingAgainstTheMinimum() {
    assertThat(RollingUpgrade.next(4, UpgradeStrategy.DEFAULT, new Counts(4, 2, 0, 0))).isEqualTo(new Move(2, 4));
  }

  @Test
  void scalingDownDuringAnUpgradeKillsTheSurplusFirst() {
    assertThat(RollingUpgrade.next(2, new UpgradeStrategy(1.0, 0.5), new Counts(5, 5, 0, 0))).isEqualTo(new Move(3, 1));
  }

  /**
   * Every combination of instances (0..12), starting old instances (0..15) and bounds: replayed with
   * new instances turning healthy one at a time, the replacement always finishes, never has more alive
   * than the larger of the bound and the start, never fewer healthy than the smaller of the minimum and
   * the start (one less only for the forced kill when the bounds leave no room).
   */
  @Test
  void everyReplacementFinishesWithinItsBounds() {
    for (int instances = 0; instances <= 12; instances++) {
      for (int initialOld = 0; initialOld <= 15; initialOld++) {
        for (double m : FRACTIONS) {
          for (double o : FRACTIONS) {
            replay(instances, initialOld, new UpgradeStrategy(m, o));
          }
        }
      }
    }
  }

  @Test
  void fullMinimumHealthWithSpareCapacityNeverDropsBelowTheHealthyCount() {
    for (int instances = 1; instances <= 20; instances++) {
      for (double o : new double[] {0.1, 0.5, 1.0}) {
        UpgradeStrategy strategy = new UpgradeStrategy(1.0, o);
        if (RollingUpgrade.maximumAlive(instances, strategy) == instances) {
          continue;
        }
        int lowest = replay(instances, instances, strategy);
        assertThat(lowest).as("n=%d o=%s", instances, o).isEqualTo(instances);
      }
    }
  }

  /** Replays a replacement to its end; returns the lowest healthy count seen after a move. */
  private static int replay(int instances, int initialOld, UpgradeStrategy strategy) {
    int oldAlive = initialOld;
    int oldHealthy = initialOld;
    int newAlive = 0;
    int newHealthy = 0;
    int minimumHealthy = Math.min(RollingUpgrade.minimumHealthy(instances, strategy), initialOld);
    int maximumAlive = Math.max(RollingUpgrade.maximumAlive(instances, strategy), initialOld);
    boolean tight = RollingUpgrade.minimumHealthy(instances, strategy) >= RollingUpgrade.maximumAlive(instances, strategy);
    int lowestHealthy = oldHealthy;
    String context = "n=" + instances + " old=" + initialOld + " " + strategy;
    for (int round = 0; round < 4 * (instances + initialOld) + 4; round++) {
      Counts counts = new Counts(oldAlive, oldHealthy, newAlive, newHealthy);
      if (RollingUpgrade.isComplete(instances, counts)) {
        assertThat(newAlive).as(context).isEqualTo(instances);
        return lowestHealthy;
      }
      Move move = RollingUpgrade.next(instances, strategy, counts);
      assertThat(move.killOld()).as(context).isBetween(0, oldAlive);
      int unhealthyKilled = Math.min(move.killOld(), oldAlive - oldHealthy);
      oldHealthy -= move.killOld() - unhealthyKilled;
      oldAlive -= move.killOld();
      newAlive += move.launchNew();
      assertThat(oldAlive + newAlive).as("alive, " + context).isLessThanOrEqualTo(maximumAlive);
      assertThat(newAlive).as(context).isLessThanOrEqualTo(instances);
      int healthy = oldHealthy + newHealthy;
      lowestHealthy = Math.min(lowestHealthy, healthy);
      assertThat(healthy).as("healthy, " + context).isGreaterThanOrEqualTo(tight ? minimumHealthy - 1 : minimumHealthy);
      if (newHealthy < newAlive) {
        newHealthy++;
      } else {
        assertThat(move).as("a move when nothing is pending, " + context).isNotEqualTo(Move.NONE);
      }
    }
    throw new AssertionError("replacement did not finish: " + context);
  }
}
