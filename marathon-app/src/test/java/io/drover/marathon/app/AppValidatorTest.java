package io.drover.marathon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.marathon.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppValidatorTest {
  private static final String PORT_INDEX =
      "Health check port indices must address an element of the ports array or container port mappings.";
  private static final String CMD_ARGS = "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";

  private static AppDefinition read(String json) throws Exception {
    return MarathonJson.mapper().readValue(json, AppDefinition.class);
  }

  private static List<Violation> violations(String json) throws Exception {
    return AppValidator.validate(read(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-app.json", "command-app.json"})
  void fixturesAreValid(String fixture) throws Exception {
    assertThat(violations(Fixtures.text(fixture))).isEmpty();
  }

  @Test
  void negativeInstances() throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":-1}"))
        .containsExactly(new Violation("/instances", "got -1, expected 0 or more"));
  }

  @Test
  void negativeResources() throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"cpus\":-0.5,\"mem\":-1,\"disk\":-2}"))
        .containsExactly(
            new Violation("/cpus", "got -0.5, expected 0 or more"),
            new Violation("/mem", "got -1, expected 0 or more"),
            new Violation("/disk", "got -2, expected 0 or more"));
  }

  @Test
  void cmdWithArgsAndNeitherCmdNorContainer() throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"args\":[\"y\"]}")).containsExactly(new Violation("/", CMD_ARGS));
    assertThat(violations("{\"id\":\"/a\"}")).containsExactly(new Violation("/", CMD_ARGS));
    assertThat(violations("{\"id\":\"/a\",\"args\":[\"sleep\",\"1\"]}")).isEmpty();
    assertThat(violations("{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"busybox\"}}}")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/Foo, must fully match regular expression",
    "/a_b, must fully match regular expression",
    "/web/-x, must fully match regular expression",
    "/web/restart, must not end with any of the following reserved keywords: restart, tasks, versions, ., ..",
    "/web/tasks, must not end with any of the following reserved keywords",
    "/versions, must not end with any of the following reserved keywords",
    "../x, must not contain '.' or '..' segments",
    "/a/../b, must not contain '.' or '..' segments",
    "/, Path must contain at least one path element"
  })
  void invalidIds(String id, String message) throws Exception {
    List<Violation> found = violations("{\"id\":\"" + id + "\",\"cmd\":\"x\"}");

    assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v.path()).isEqualTo("/id"));
    assertThat(found).anySatisfy(v -> assertThat(v.message()).startsWith(message));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/prod/web", "web", "/a.b/c-d/e1", "/x/restarts"})
  void validIds(String id) throws Exception {
    assertThat(violations("{\"id\":\"" + id + "\",\"cmd\":\"x\"}")).isEmpty();
  }

  @Test
  void dependenciesMustBeValidIds() throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"dependencies\":[\"/ok\",\"/Bad\"]}"))
        .extracting(Violation::path)
        .containsExactly("/dependencies(1)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[\"hostname\",\"FOO\"] | operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS",
        "[\"hostname\",\"UNIQUE\",\"x\"] | UNIQUE does not accept a value",
        "[\"rack\",\"GROUP_BY\",\"many\"] | GROUP BY must define an integer value or else no value at all",
        "[\"rack\",\"MAX_PER\"] | MAX_PER requires an integer value",
        "[\"rack\",\"LIKE\"] | LIKE and UNLIKE require a non-empty, regular expression value",
        "[\"rack\",\"LIKE\",\"[a-\"] | '[a-' is not a valid regular expression",
        "[\"rack\",\"UNLIKE\",\"(\"] | '(' is not a valid regular expression",
        "[\"rack\",\"IS\",\"a b\"] | IS only supports Mesos text and float values (see http://mesos.apache.org/documentation/latest/attributes-resources/)",
        "[\"\",\"UNIQUE\"] | missing field for constraint declaration"
      })
  void invalidConstraints(String constraint, String message) throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"constraints\":[[\"hostname\",\"UNIQUE\"]," + constraint + "]}"))
        .containsExactly(new Violation("/constraints(1)", message));
  }

  @Test
  void validConstraintsOfEveryOperator() throws Exception {
    String constraints =
        "[[\"hostname\",\"UNIQUE\"],[\"rack\",\"CLUSTER\",\"r1\"],[\"rack\",\"GROUP_BY\"],[\"rack\",\"GROUP_BY\",\"3\"],"
            + "[\"hostname\",\"LIKE\",\"a.*\"],[\"hostname\",\"UNLIKE\",\"b.*\"],[\"hostname\",\"MAX_PER\",\"2\"],"
            + "[\"zone\",\"IS\",\"eu-1\"],[\"zone\",\"cluster\",\"lower-case operators are accepted\"]]";
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"constraints\":" + constraints + "}"))
        .extracting(Violation::path)
        .containsExactly();
  }

  @ParameterizedTest
  @CsvSource({
    "minimumHealthCapacity, 1.5, 'got 1.5, expected between 0 and 1'",
    "minimumHealthCapacity, -0.1, 'got -0.1, expected between 0 and 1'",
    "maximumOverCapacity, 2, 'got 2, expected between 0 and 1'"
  })
  void upgradeStrategyBounds(String field, String value, String message) throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"upgradeStrategy\":{\"" + field + "\":" + value + "}}"))
        .containsExactly(new Violation("/upgradeStrategy/" + field, message));
  }

  @Test
  void healthCheckPortIndexMustAddressAPort() throws Exception {
    String docker =
        "{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"i\"},\"portMappings\":[{\"containerPort\":80}]},"
            + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":0},{\"protocol\":\"TCP\",\"portIndex\":1},"
            + "{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}},{\"protocol\":\"HTTP\",\"port\":8080}]}";
    assertThat(violations(docker)).containsExactly(new Violation("/healthChecks(1)", PORT_INDEX));

    String noPorts = "{\"id\":\"/a\",\"cmd\":\"x\",\"portDefinitions\":[],\"healthChecks\":[{\"protocol\":\"HTTP\"}]}";
    assertThat(violations(noPorts)).containsExactly(new Violation("/healthChecks(0)", PORT_INDEX));
  }

  @Test
  void healthCheckTimingsAndCommand() throws Exception {
    String json =
        "{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"protocol\":\"COMMAND\"},"
            + "{\"protocol\":\"TCP\",\"intervalSeconds\":0,\"timeoutSeconds\":0,\"gracePeriodSeconds\":-1}]}";
    assertThat(violations(json))
        .containsExactly(
            new Violation("/healthChecks(0)/command", "a COMMAND health check needs a command value"),
            new Violation("/healthChecks(1)/gracePeriodSeconds", "got -1, expected 0 or more"),
            new Violation("/healthChecks(1)/intervalSeconds", "got 0, expected 1 or more"),
            new Violation("/healthChecks(1)/timeoutSeconds", "got 0, expected 1 or more"));
  }

  @Test
  void atMostOneHealthCheckMayRunOnTheAgent() throws Exception {
    String two = "{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\"},{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}}]}";
    assertThat(violations(two)).containsExactly(new Violation("/healthChecks", "AppDefinition can contain at most one Mesos health check"));
    String many = "{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"protocol\":\"HTTP\"},{\"protocol\":\"TCP\"},{\"protocol\":\"MESOS_TCP\"}]}";
    assertThat(violations(many)).isEmpty();
  }

  @Test
  void networksAreHostOrBridgeAloneOrOneNamedContainerNetworkForDocker() throws Exception {
    String docker = "{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"i\"}},\"networks\":";
    assertThat(violations(docker + "[{\"mode\":\"container\",\"name\":\"backend\"}]}")).isEmpty();
    assertThat(violations(docker + "[{\"mode\":\"container\"}]}")).containsExactly(new Violation("/networks(0)/name", "a container network needs a name"));
    assertThat(violations(docker + "[{\"mode\":\"host\",\"name\":\"x\"}]}")).containsExactly(new Violation("/networks(0)/name", "only a container network has a name"));
    assertThat(violations(docker + "[{\"mode\":\"host\"},{\"mode\":\"container/bridge\"}]}"))
        .contains(new Violation("/networks", "host and container/bridge networking cannot be combined with other networks"));
    assertThat(violations(docker + "[{\"mode\":\"container\",\"name\":\"a\"},{\"mode\":\"container\",\"name\":\"b\"}]}"))
        .containsExactly(new Violation("/networks", "a Docker container joins one container network"));
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"networks\":[{\"mode\":\"container/bridge\"}]}"))
        .containsExactly(new Violation("/networks", "only Docker apps can use container networking; command apps run on the host's network"));
  }

  @Test
  void dockerNeedsAnImage() throws Exception {
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"\"}}}"))
        .containsExactly(new Violation("/container/docker/image", "must not be empty"));
    assertThat(violations("{\"id\":\"/a\",\"cmd\":\"x\",\"container\":{\"type\":\"DOCKER\"}}"))
        .containsExactly(new Violation("/container/docker", "must be defined for a DOCKER container"));
  }

  @Test
  void portMappingsAndPortDefinitions() throws Exception {
    String json =
        "{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"i\"},\"portMappings\":["
            + "{\"containerPort\":70000,\"name\":\"p\"},{\"containerPort\":80,\"hostPort\":-1,\"protocol\":\"sctp\",\"name\":\"p\"}]}}";
    assertThat(violations(json))
        .containsExactly(
            new Violation("/container/portMappings(0)/containerPort", "got 70000, expected between 0 and 65535"),
            new Violation("/container/portMappings(1)/hostPort", "got -1, expected between 0 and 65535"),
            new Violation("/container/portMappings(1)/protocol", "must be one of tcp, udp, udp,tcp"),
            new Violation("/container/portMappings", "Port names must be unique."));

    String definitions = "{\"id\":\"/a\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":8080},{\"port\":8080}]}";
    assertThat(violations(definitions)).containsExactly(new Violation("/portDefinitions", "Ports must be unique."));

    String hostMappings =
        "{\"id\":\"/a\",\"networks\":[{\"mode\":\"host\"}],\"container\":{\"docker\":{\"image\":\"i\"},"
            + "\"portMappings\":[{\"containerPort\":80}]}}";
    assertThat(violations(hostMappings)).containsExactly(new Violation("/", "portMappings are not allowed with host-networking"));
  }

  @Test
  void backoffAndUnreachable() throws Exception {
    String json =
        "{\"id\":\"/a\",\"cmd\":\"x\",\"backoffSeconds\":-1,\"backoffFactor\":0.5,\"maxLaunchDelaySeconds\":-3,"
            + "\"unreachableStrategy\":{\"inactiveAfterSeconds\":600,\"expungeAfterSeconds\":300}}";
    assertThat(violations(json))
        .containsExactly(
            new Violation("/backoffSeconds", "got -1, expected 0 or more"),
            new Violation("/backoffFactor", "got 0.5, expected 1 or more"),
            new Violation("/maxLaunchDelaySeconds", "got -3, expected 0 or more"),
            new Violation("/unreachableStrategy/inactiveAfterSeconds", "got 600, expected 300 or less (expungeAfterSeconds)"));
  }

  @Test
  void droverLabels() {
    AppDefinition app =
        AppDefinition.builder(PathId.of("a"))
            .cmd("x")
            .labels(
                Map.of(
                    AppDefinition.MODE_LABEL, "replicated-ish",
                    AppDefinition.PROGRESS_DEADLINE_LABEL, "soon",
                    AppDefinition.ROLLBACK_ON_FAILURE_LABEL, "yes"))
            .build();

    assertThat(AppValidator.validate(app))
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(
            "/labels/DROVER_MODE", "/labels/DROVER_PROGRESS_DEADLINE_SECONDS", "/labels/DROVER_ROLLBACK_ON_FAILURE");
  }

  @Test
  void prefixPlacesPathsInsideAGroup() throws Exception {
    assertThat(AppValidator.validate(read("{\"id\":\"a\",\"cmd\":\"x\",\"args\":[\"y\"],\"instances\":-2}"), "/apps(3)"))
        .containsExactly(new Violation("/apps(3)", CMD_ARGS), new Violation("/apps(3)/instances", "got -2, expected 0 or more"));
  }
}
