package io.drover.master.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import io.drover.core.ValueRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AcceptValidatorTest {
  private static final FrameworkId FW = FrameworkId.of("fw");
  private static final FrameworkId OTHER_FW = FrameworkId.of("other");
  private static final AgentId A1 = AgentId.of("a1");
  private static final AgentId A2 = AgentId.of("a2");
  private static final Resources OFFERED =
      Resources.builder().scalar("cpus", 2).scalar("mem", 1024).ranges("ports", Ranges.of(ValueRange.of(31000, 31010))).build();

  private final Offer o1 = new Offer(OfferId.of("o1"), FW, A1, "h1", OFFERED, Attributes.NONE);
  private final Offer o2 = new Offer(OfferId.of("o2"), FW, A1, "h1", Resources.cpusMem(1, 512), Attributes.NONE);
  private final Offer onA2 = new Offer(OfferId.of("o3"), FW, A2, "h2", Resources.cpusMem(1, 512), Attributes.NONE);
  private final Offer othersOffer = new Offer(OfferId.of("o4"), OTHER_FW, A1, "h1", Resources.cpusMem(1, 512), Attributes.NONE);
  private final Map<OfferId, Offer> outstanding = Map.of(o1.id(), o1, o2.id(), o2, onA2.id(), onA2, othersOffer.id(), othersOffer);
  private final Function<OfferId, Optional<Offer>> lookup = id -> Optional.ofNullable(outstanding.get(id));

  private static TaskInfo task(String id, AgentId agent, Resources resources) {
    return TaskInfo.command(TaskId.of(id), agent, resources, "sleep 10");
  }

  private AcceptVerdict validate(List<OfferId> offers, List<TaskInfo> tasks, Set<TaskId> live) {
    return AcceptValidator.validate(FW, offers, tasks, lookup, live::contains);
  }

  @Test
  void launchesValidTasksAndReturnsWhatIsLeft() {
    AcceptVerdict v = validate(List.of(o1.id(), o2.id()), List.of(task("t1", A1, Resources.cpusMem(1, 256)), task("t2", A1, Resources.cpusMem(2, 256))), Set.of());
    assertThat(v.rejections()).isEmpty();
    assertThat(v.launch()).extracting(TaskInfo::id).containsExactly(TaskId.of("t1"), TaskId.of("t2"));
    assertThat(v.consumedOffers()).containsExactly(o1, o2);
    assertThat(v.unused()).containsOnlyKeys(A1);
    assertThat(v.unused().get(A1)).isEqualTo(Resources.builder().scalar("mem", 1024).ranges("ports", Ranges.of(ValueRange.of(31000, 31010))).build());
  }

  @Test
  void anAcceptWithoutTasksReturnsEverythingOffered() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(), Set.of());
    assertThat(v.launch()).isEmpty();
    assertThat(v.unused()).isEqualTo(Map.of(A1, OFFERED));
  }

  @Test
  void unknownOfferDropsEveryTaskNamingTheOfferAndReturnsTheValidOnes() {
    AcceptVerdict v = validate(List.of(o1.id(), OfferId.of("gone")), List.of(task("t1", A1, Resources.cpusMem(1, 1)), task("t2", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.launch()).isEmpty();
    assertThat(v.rejections())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(TaskState.TASK_DROPPED);
              assertThat(r.reason()).isEqualTo(TaskStatusReason.INVALID_OFFERS);
              assertThat(r.message()).contains("offer gone is not outstanding");
            });
    assertThat(v.consumedOffers()).containsExactly(o1);
    assertThat(v.unused()).isEqualTo(Map.of(A1, OFFERED));
  }

  @Test
  void anotherFrameworksOfferIsRefusedAndNotConsumed() {
    AcceptVerdict v = validate(List.of(othersOffer.id()), List.of(task("t1", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(TaskState.TASK_DROPPED);
      assertThat(r.message()).contains("offer o4 was made to another framework");
    });
    assertThat(v.consumedOffers()).isEmpty();
    assertThat(v.unused()).isEmpty();
  }

  @Test
  void offersOnDifferentAgentsAreRefused() {
    AcceptVerdict v = validate(List.of(o1.id(), onA2.id()), List.of(task("t1", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).contains("different agents [a1, a2]"));
    assertThat(v.unused()).containsOnlyKeys(A1, A2);
  }

  @Test
  void theSameOfferTwiceIsRefused() {
    AcceptVerdict v = validate(List.of(o1.id(), o1.id()), List.of(task("t1", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).contains("offer o1 is named more than once"));
  }

  @Test
  void noOffersIsRefused() {
    AcceptVerdict v = validate(List.of(), List.of(task("t1", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).contains("names no offers"));
  }

  @Test
  void taskOnAnotherAgentIsAnError() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A2, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(TaskState.TASK_ERROR);
      assertThat(r.reason()).isEqualTo(TaskStatusReason.TASK_INVALID);
      assertThat(r.message()).isEqualTo("task t1 names agent a2, but the offers are on agent a1");
    });
    assertThat(v.unused()).isEqualTo(Map.of(A1, OFFERED));
  }

  @Test
  void taskIdInUseByALiveTaskIsAnError() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, Resources.cpusMem(1, 1))), Set.of(TaskId.of("t1")));
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo("task id t1 is already in use"));
  }

  @Test
  void taskIdTwiceInOneCallLaunchesOnlyTheFirst() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, Resources.cpusMem(1, 1)), task("t1", A1, Resources.cpusMem(1, 1))), Set.of());
    assertThat(v.launch()).hasSize(1);
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo("task id t1 is already in use"));
  }

  @Test
  void taskWithNothingToRunIsAnError() {
    TaskInfo nothing =
        new TaskInfo(TaskId.of("t1"), "t1", A1, Resources.cpusMem(1, 1), CommandInfo.shell(""), Optional.empty(), Optional.empty(), null, Map.of());
    AcceptVerdict v = validate(List.of(o1.id()), List.of(nothing), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo("task t1 has neither a command nor a container to run"));
  }

  @Test
  void containerWithoutCommandIsFine() {
    TaskInfo docker =
        new TaskInfo(
            TaskId.of("t1"), "t1", A1, Resources.cpusMem(1, 1), CommandInfo.shell(""), Optional.of(ContainerInfo.docker("busybox")), Optional.empty(), null, Map.of());
    assertThat(validate(List.of(o1.id()), List.of(docker), Set.of()).launch()).hasSize(1);
  }

  @Test
  void taskWithoutResourcesIsAnError() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, Resources.EMPTY)), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).isEqualTo("task t1 asks for no resources"));
  }

  @Test
  void overCommittedScalarIsNamed() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, Resources.cpusMem(3, 10))), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(TaskState.TASK_ERROR);
      assertThat(r.message()).isEqualTo("task t1 asks for more than the offers hold: cpus: asked 3, offered 2");
    });
    assertThat(v.unused()).isEqualTo(Map.of(A1, OFFERED));
  }

  @Test
  void overCommitmentCountsWhatEarlierTasksTook() {
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, Resources.cpusMem(1.5, 10)), task("t2", A1, Resources.cpusMem(1, 10))), Set.of());
    assertThat(v.launch()).extracting(TaskInfo::id).containsExactly(TaskId.of("t1"));
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).endsWith("cpus: asked 1, 0.5 left of 2 offered"));
  }

  @Test
  void portsOutsideTheOfferAreNamed() {
    Resources asks = Resources.builder().scalar("cpus", 0.1).ranges("ports", Ranges.single(80)).build();
    AcceptVerdict v = validate(List.of(o1.id()), List.of(task("t1", A1, asks)), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).endsWith("ports: asked [80-80], offered [31000-31010]"));
  }

  @Test
  void resourceNotOfferedAtAllIsNamed() {
    AcceptVerdict v = validate(List.of(o2.id()), List.of(task("t1", A1, Resources.builder().scalar("gpus", 1).build())), Set.of());
    assertThat(v.rejections()).singleElement().satisfies(r -> assertThat(r.message()).endsWith("gpus: asked 1, offered 0"));
  }
}
