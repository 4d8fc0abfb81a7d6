package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupEmbedTest {
  @Test
  void noEmbedMeansGroupsAppsAndPods() {
    assertThat(GroupEmbed.parse(List.of())).isEqualTo(GroupEmbed.DEFAULT);
    assertThat(GroupEmbed.parse(null)).isEqualTo(new GroupEmbed(true, true, true, java.util.Set.of()));
  }

  @Test
  void membersAndAppEmbedsAreReadAsMarathonReadsThem() {
    GroupEmbed embed = GroupEmbed.parse(List.of("group.apps", "group.apps.tasks,group.apps.lastTaskFailure", "group.apps.taskStats"));

    assertThat(embed.apps()).isTrue();
    assertThat(embed.groups()).isFalse();
    assertThat(embed.pods()).isFalse();
    assertThat(embed.appEmbed()).containsExactlyInAnyOrder(AppEmbed.TASKS, AppEmbed.COUNTS, AppEmbed.LAST_TASK_FAILURE);
  }

  @Test
  void anAppEmbedAloneShowsNoApps() {
    GroupEmbed embed = GroupEmbed.parse(List.of("group.apps.deployments"));

    assertThat(embed.apps()).isFalse();
    assertThat(embed.appEmbed()).containsExactly(AppEmbed.DEPLOYMENTS);
  }

  @Test
  void appsListingsAlwaysCarryCountsAndDeploymentsAndFailuresBringTasks() {
    assertThat(AppEmbed.parse(List.of())).containsExactlyInAnyOrder(AppEmbed.COUNTS, AppEmbed.DEPLOYMENTS);
    assertThat(AppEmbed.parse(List.of("apps.failures"))).containsExactlyInAnyOrderElementsOf(AppEmbed.ALL);
  }
}
