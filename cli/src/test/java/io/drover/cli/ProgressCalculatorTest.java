package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressCalculatorTest {
  private static final String V1 = "2024-05-01T10:00:00.000Z";
  private static final String V2 = "2024-05-01T11:00:00.000Z";

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text.replace('\'', '"'));
  }

  private static String task(String state, String version, String health) {
    return "{'id':'t','state':'" + state + "','version':'" + version + "','healthCheckResults':" + health + "}";
  }

  @Test
  void onlyRunningTasksOfTheCurrentConfigVersionCount() throws Exception {
    JsonNode app = json("{'id':'/web','instances':3,'version':'2024-05-01T12:00:00.000Z','versionInfo':{'lastConfigChangeAt':'" + V2 + "'},'tasks':["
        + task("TASK_RUNNING", V2, "[]") + "," + task("TASK_RUNNING", V1, "[]") + "," + task("TASK_STAGING", V2, "[]") + ","
        + task("TASK_RUNNING", "2024-05-01T11:00:00Z", "[]") + "]}");

    assertThat(ProgressCalculator.ready(app)).as("the same instant written two ways counts").isEqualTo(2);
  }

  @Test
  void withHealthChecksATaskCountsOnlyOnceItPassesThem() throws Exception {
    JsonNode app = json("{'instances':3,'version':'" + V1 + "','healthChecks':[{'protocol':'COMMAND'}],'tasks':["
        + task("TASK_RUNNING", V1, "[]") + "," + task("TASK_RUNNING", V1, "[{'alive':true}]") + "," + task("TASK_RUNNING", V1, "[{'alive':false}]") + "]}");

    assertThat(ProgressCalculator.ready(app)).isEqualTo(1);
  }

  @Test
  void withoutHealthChecksATaskKnownToFailThemDoesNotCount() throws Exception {
    JsonNode app = json("{'instances':2,'version':'" + V1 + "','tasks':[" + task("TASK_RUNNING", V1, "[]") + "," + task("TASK_RUNNING", V1, "[{'alive':false}]") + "]}");

    assertThat(ProgressCalculator.ready(app)).isEqualTo(1);
  }

  @Test
  void theCurrentStepsAppsComeFromCurrentActionsOrElseFromTheStep() throws Exception {
    JsonNode withActions = json("{'currentStep':2,'totalSteps':2,'steps':[{'actions':[{'action':'StartApplication','app':'/db'}]},"
        + "{'actions':[{'action':'StartApplication','app':'/web'}]}],'currentActions':[{'action':'ScaleApplication','app':'/api'}]}");
    JsonNode withoutActions = json("{'currentStep':2,'totalSteps':2,'steps':[{'actions':[{'action':'StartApplication','app':'/db'}]},"
        + "{'actions':[{'action':'RestartApplication','app':'/web'}]}],'currentActions':[]}");

    assertThat(ProgressCalculator.currentActions(withActions)).containsExactly(Map.entry("/api", "ScaleApplication"));
    assertThat(ProgressCalculator.currentActions(withoutActions)).containsExactly(Map.entry("/web", "RestartApplication"));
  }

  @Test
  void progressCountsFinishedStepsAndTheCurrentStepsShare() throws Exception {
    JsonNode deployment = json("{'id':'d1','currentStep':2,'totalSteps':2,'steps':[{'actions':[]},{'actions':[{'action':'StartApplication','app':'/web'}]}]}");
    JsonNode web = json("{'id':'/web','instances':4,'version':'" + V1 + "','tasks':[" + task("TASK_RUNNING", V1, "[]") + "," + task("TASK_RUNNING", V1, "[]") + "]}");

    DeploymentProgress progress = ProgressCalculator.progress(deployment, Map.of("/web", Optional.of(web)));

    assertThat(progress.apps()).containsExactly(new AppProgress("/web", "StartApplication", 2, 4, true));
    assertThat(progress.fraction()).isEqualTo(0.75);
    assertThat(progress.render()).isEqualTo("[##################------]  75%  step 2/2  /web 2/4 healthy");
  }

  @Test
  void aStoppedAppWantsNoneAndAGoneAppIsBeingRemoved() throws Exception {
    JsonNode app = json("{'id':'/web','instances':2,'version':'" + V1 + "','tasks':[]}");

    assertThat(ProgressCalculator.app("/web", "StopApplication", Optional.of(app))).isEqualTo(new AppProgress("/web", "StopApplication", 0, 0, true));
    AppProgress gone = ProgressCalculator.app("/web", "StopApplication", Optional.empty());
    assertThat(gone.describe()).isEqualTo("/web being removed");
    assertThat(gone.settled()).isTrue();
  }

  @Test
  void aScaleDownIsDoneOnlyWhenTheExtraInstancesAreGone() {
    AppProgress tooMany = new AppProgress("/web", "ScaleApplication", 3, 2, true);

    assertThat(tooMany.settled()).isFalse();
    assertThat(tooMany.fraction()).isEqualTo(1.0);
    assertThat(new AppProgress("/web", "ScaleApplication", 0, 0, true).fraction()).isEqualTo(1.0);
  }
}
