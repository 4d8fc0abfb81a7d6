package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web portal in real headless Chromium against a real {@code drover local}: what a user does in the
 * browser, and what the cluster does in answer. Screenshots of the main pages go to
 * {@code target/portal-screenshots/}. The last test stops the cluster, so it runs last.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path work;
  private static LocalCluster local;
  private static String marathon;
  private static ChromeDriver browser;
  private static int visits;

  @BeforeAll
  static void startClusterAndBrowser() throws Exception {
    local = LocalCluster.start(work, 2, "cpus:2;mem:1024;disk:1024;ports:[31000-31100]");
    marathon = local.marathonUrl();
    browser = startBrowser();
    Files.createDirectories(SCREENSHOTS);
  }

  private static ChromeDriver startBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory(work, "chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (local != null) {
      local.close();
    }
  }

  // ---- the API, to set the scene and to check what the browser did ----

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(marathon + path)).GET());
  }

  private static HttpResponse<String> sendJson(String method, String path, String body) throws Exception {
    HttpResponse<String> answer =
        send(HttpRequest.newBuilder(URI.create(marathon + path)).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
    return answer;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode app(String id) throws Exception {
    return JSON.readTree(get("/v2/apps" + id).body()).path("app");
  }

  // ---- the browser ----

  private static void open(String route) {
    // A new query each time makes it a fresh page load, not a hash change within the page.
    browser.get(marathon + "/ui/?visit=" + ++visits + route);
    waitFor().until(d -> "Live".equals(d.findElement(By.id("live")).getText()) && d.findElement(By.id("main")).getAttribute("aria-busy") == null);
  }

  /** Waits through live re-renders: an element read while the page redraws it is looked up again. */
  private static FluentWait<WebDriver> waitFor() {
    return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class);
  }

  private static WebElement byId(String id) {
    return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  private static void type(String fieldId, String text) {
    WebElement field = byId(fieldId);
    field.clear();
    field.sendKeys(text);
  }

  private static void confirm() {
    waitFor().until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
  }

  private static void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** Every form control and button has a name a screen reader can say: a label, aria-label(ledby) or text. */
  private static void assertEveryControlIsLabelled() {
    List<?> unlabelled =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [...document.querySelectorAll('input, select, textarea, button')]"
                        + ".filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.textContent.trim())"
                        + ".map(el => el.outerHTML);");
    assertThat(unlabelled).isEmpty();
  }

  private static void awaitRunning(int instances) {
    waitFor().until(d -> d.findElement(By.cssSelector("#page-title .status")).getText().equals("Running")
        && d.findElement(By.id("instance-count")).getText().equals(instances + " running of " + instances + " wanted"));
  }

  // ---- the scenarios ----

  @Test
  @Order(1)
  void anAppCreatedThroughTheFormReachesRunning() throws Exception {
    open("#/apps");
    byId("create-app").click();
    type("field-id", "/portal/hello");
    type("field-cmd", "echo portal-says-$((6*7)); sleep 600");
    type("field-instances", "1");
    type("field-cpus", "0.1");
    type("field-mem", "32");
    type("field-labels", "tier=front");
    new Select(byId("field-healthProtocol")).selectByValue("COMMAND");
    type("field-healthCommand", "true");
    type("field-healthGrace", "30");
    type("field-healthInterval", "1");
    screenshot("create-form");
    assertEveryControlIsLabelled();
    byId("submit-app").click();

    waitFor().until(ExpectedConditions.urlContains("#/apps/portal/hello"));
    awaitRunning(1);
    assertThat(app("/portal/hello").path("labels").path("tier").asText()).isEqualTo("front");
    assertThat(app("/portal/hello").at("/healthChecks/0/command/value").asText()).isEqualTo("true");
    waitFor().until(d -> "1 healthy".equals(d.findElement(By.cssSelector("#app-summary .health-bar")).getAttribute("aria-label")));
    // Nothing waits to launch: no reset-delay button, no "why is it waiting".
    waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("reset-delay")));
    assertThat(browser.findElement(By.id("why-waiting")).isDisplayed()).isFalse();
    screenshot("app-page");
    assertEveryControlIsLabelled();
  }

  @Test
  @Order(2)
  void theApiValidationErrorIsShownAtTheFieldItNames() throws Exception {
    open("#/create");
    type("field-id", "/portal/negative");
    type("field-cmd", "sleep 600");
    type("field-mem", "-5");
    byId("submit-app").click();

    WebElement memError = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-mem")));
    assertThat(memError.getText()).contains("expected 0 or more").contains("/mem");
    assertThat(byId("field-mem").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("error-cpus")).getText()).isEmpty();
    assertThat(get("/v2/apps/portal/negative").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void jsonModeStaysInStepWithTheFormAndMalformedJsonIsShownAndNothingIsSent() throws Exception {
    open("#/create");
    type("field-id", "/portal/broken");
    byId("json-mode").click();
    assertThat(byId("app-json").getAttribute("value")).contains("\"id\": \"/portal/broken\"");

    // JSON -> form -> JSON: the form shows what the JSON says and keeps what it has no field for.
    type("app-json", "{\"id\": \"/portal/broken\", \"cmd\": \"sleep 1\", \"mem\": 48, \"upgradeStrategy\": {\"minimumHealthCapacity\": 0.5}}");
    byId("json-mode").click();
    assertThat(byId("field-mem").getAttribute("value")).isEqualTo("48");
    type("field-cpus", "0.2");
    byId("json-mode").click();
    assertThat(byId("app-json").getAttribute("value")).contains("\"cpus\": 0.2").contains("\"mem\": 48").contains("\"minimumHealthCapacity\": 0.5");

    // Every request the page makes from now on is recorded, to prove that none leaves.
    ((JavascriptExecutor) browser).executeScript(
        "window.sentRequests = []; const original = window.fetch;"
            + " window.fetch = (url, init) => { if (init && init.method && init.method !== 'GET') window.sentRequests.push(url); return original(url, init); };");
    type("app-json", "{\"id\": \"/portal/broken\", \"cmd\": ");
    byId("submit-app").click();

    WebElement error = byId("json-error");
    waitFor().until(d -> error.getText().contains("Nothing was sent"));
    assertThat(error.getText()).startsWith("Malformed JSON");
    assertThat(byId("app-json").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.sentRequests")).isEmpty();
    assertThat(get("/v2/apps/portal/broken").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void theInstanceCountFollowsScalingLiveWithoutAReload() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/scaled\",\"cmd\":\"sleep 600\",\"instances\":1,\"cpus\":0.1,\"mem\":16}");
    open("#/apps/portal/scaled");
    awaitRunning(1);
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

    type("scale-to", "3");
    byId("scale-button").click();
    awaitRunning(3);
    assertThat(browser.findElements(By.cssSelector("#tasks-table tbody tr"))).hasSize(3);

    // A change made elsewhere reaches the page through the event stream.
    sendJson("PATCH", "/v2/apps/portal/scaled", "{\"instances\":2}");
    awaitRunning(2);
    waitFor().until(d -> d.findElements(By.cssSelector("#tasks-table tbody tr")).size() == 2);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
  }

  @Test
  @Order(5)
  void whyIsItWaitingNamesMemoryForAnAppBiggerThanAnyAgent() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/huge\",\"cmd\":\"sleep 600\",\"instances\":1,\"cpus\":0.1,\"mem\":4096}");
    open("#/apps/portal/huge");

    WebElement reason = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#why-waiting [data-reason=InsufficientMemory]")));
    assertThat(reason.getText()).contains("InsufficientMemory").contains("4096 MiB");
    assertThat(byId("why-waiting").getText()).contains("Why is it waiting?");
    assertThat(browser.findElement(By.cssSelector("#page-title .status")).getText()).isEqualTo("Waiting");
  }

  @Test
  @Order(6)
  void aDeploymentThatCannotFinishIsRolledBackFromTheDeploymentsPage() throws Exception {
    // /portal/huge (previous test) waits for memory no agent has: its deployment never ends.
    open("#/deployments");
    WebElement row = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//tr[td//a[text()='/portal/huge']]")));
    assertThat(row.getText()).contains("step 1 of 1");
    screenshot("deployments");
    assertEveryControlIsLabelled();

    row.findElement(By.cssSelector("button.rollback")).click();
    confirm();
    // Rolling back the creation removes the app again.
    await().atMost(PATIENCE).until(() -> get("/v2/apps/portal/huge").statusCode() == 404);
    waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//tr[td//a[text()='/portal/huge']]")));
  }

  @Test
  @Order(7)
  void applyingAnOlderVersionRollsTheConfigurationBack() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/versioned\",\"cmd\":\"sleep 600\",\"instances\":1,\"cpus\":0.1,\"mem\":16}");
    sendJson("PUT", "/v2/apps/portal/versioned?force=true", "{\"cmd\":\"sleep 700\",\"instances\":1,\"cpus\":0.1,\"mem\":16}");
    open("#/apps/portal/versioned");
    waitFor().until(d -> d.findElements(By.cssSelector("#versions li")).size() == 2);
    assertThat(byId("definition").getText()).contains("sleep 700");

    waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#versions .apply-version"))).click();
    confirm();

    waitFor().until(d -> d.findElement(By.id("definition")).getText().contains("\"cmd\": \"sleep 600\""));
    await().atMost(PATIENCE).until(() -> app("/portal/versioned").path("cmd").asText().equals("sleep 600"));
  }

  @Test
  @Order(8)
  void anUnknownAppIdShowsANotFoundPage() throws Exception {
    open("#/apps/no/such/app");
    assertThat(byId("page-title").getText()).isEqualTo("App not found");
    assertThat(browser.findElement(By.id("main")).getText()).contains("/no/such/app");
    screenshot("not-found");
  }

  @Test
  @Order(9)
  void theAppsListFiltersByStatusLabelAndText() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/idle\",\"cmd\":\"sleep 600\",\"instances\":0,\"cpus\":0.1,\"mem\":16}");
    open("#/groups/portal");
    waitFor().until(d -> d.findElements(By.cssSelector("#apps-table tr[data-app='/portal/idle']")).size() == 1);
    screenshot("apps");
    assertEveryControlIsLabelled();

    // Sorting by keyboard: Enter on a column's button, twice for descending; focus stays on it.
    browser.findElement(By.cssSelector("button[data-sort=mem]")).sendKeys(Keys.ENTER);
    waitFor().until(d -> "ascending".equals(d.findElement(By.xpath("//th[button[@data-sort='mem']]")).getAttribute("aria-sort")));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor().until(d -> "descending".equals(d.findElement(By.xpath("//th[button[@data-sort='mem']]")).getAttribute("aria-sort")));
    assertThat(browser.switchTo().activeElement().getAttribute("data-sort")).isEqualTo("mem");
    assertThat(appRows().get(0)).isEqualTo("/portal/hello");

    new Select(byId("filter-status")).selectByVisibleText("Suspended");
    waitFor().until(d -> appRows().equals(List.of("/portal/idle")));
    new Select(byId("filter-status")).selectByVisibleText("Any");
    type("filter-label", "tier=front");
    waitFor().until(d -> appRows().equals(List.of("/portal/hello")));
    type("filter-label", "");
    type("filter-text", "scaled");
    waitFor().until(d -> appRows().equals(List.of("/portal/scaled")));
    type("filter-text", "");
  }

  private static List<String> appRows() {
    return browser.findElements(By.cssSelector("#apps-table tbody tr[data-app]")).stream().map(row -> row.getAttribute("data-app")).toList();
  }

  @Test
  @Order(10)
  void anInstancesLogShowsWhatTheTaskPrintedAndFollowsIt() throws Exception {
    Path flag = work.resolve("talker-may-go-on");
    String cmd = "echo portal-says-$((6*7)); while [ ! -e " + flag + " ]; do sleep 0.2; done; echo and-later-$((7*6)); sleep 600";
    sendJson("POST", "/v2/apps", JSON.writeValueAsString(JSON.createObjectNode().put("id", "/portal/talker").put("cmd", cmd).put("instances", 1).put("cpus", 0.1).put("mem", 16)));
    open("#/apps/portal/talker");
    awaitRunning(1);
    waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tasks-table a.task-logs"))).click();

    // The shell worked out 42: the line comes from the task's stdout, not from its command.
    waitFor().until(d -> d.findElement(By.id("log-output")).getText().contains("portal-says-42"));
    assertThat(browser.findElement(By.id("log-output")).getText()).doesNotContain("and-later");
    screenshot("logs");
    assertEveryControlIsLabelled();
    Files.createFile(flag);
    waitFor().until(d -> d.findElement(By.id("log-output")).getText().contains("and-later-42"));

    HttpResponse<String> download = send(HttpRequest.newBuilder(URI.create(byId("log-download").getAttribute("href"))).GET());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
    assertThat(download.body()).contains("portal-says-42").contains("and-later-42");
  }

  @Test
  @Order(11)
  void theClusterPageShowsTheLeaderAgentsAndFrameworks() throws Exception {
    open("#/cluster");
    waitFor().until(d -> d.findElements(By.cssSelector("#agents-table tbody tr")).size() == 2);
    assertThat(byId("leader").getText()).contains(URI.create(local.masterUrl()).getAuthority());
    assertThat(byId("agents-table").getText()).contains("127.0.0.1").contains("127.0.0.2").contains("of 1024 MiB");
    assertThat(byId("frameworks-table").getText()).contains("marathon");
    screenshot("cluster");
  }

  @Test
  @Order(12)
  void killAndScaleSuspendResumeAndDestroyFromTheAppPage() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/acted\",\"cmd\":\"sleep 600\",\"instances\":2,\"cpus\":0.1,\"mem\":16}");
    open("#/apps/portal/acted");
    awaitRunning(2);

    waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tasks-table tbody tr button.danger"))).click();
    confirm();
    awaitRunning(1);
    assertThat(app("/portal/acted").path("instances").asInt()).isEqualTo(1);

    byId("suspend").click();
    waitFor().until(d -> d.findElement(By.cssSelector("#page-title .status")).getText().equals("Suspended")
        && d.findElement(By.id("instance-count")).getText().equals("0 running of 0 wanted"));
    waitFor().until(d -> d.findElement(By.id("suspend")).getText().equals("Resume"));
    byId("suspend").click();
    awaitRunning(1);

    byId("destroy").click();
    confirm();
    waitFor().until(ExpectedConditions.urlMatches("#/apps$"));
    await().atMost(PATIENCE).until(() -> get("/v2/apps/portal/acted").statusCode() == 404);
  }

  @Test
  @Order(13)
  void editingAnAppChangesItsDefinition() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/edited\",\"cmd\":\"sleep 600\",\"instances\":1,\"cpus\":0.1,\"mem\":16,\"labels\":{\"keep\":\"me\"}}");
    open("#/apps/portal/edited");
    awaitRunning(1);
    byId("edit-app").click();
    assertThat(byId("field-labels").getAttribute("value")).isEqualTo("keep=me");
    type("field-mem", "24");
    type("field-env", "GREETING=hi");
    byId("submit-app").click();

    waitFor().until(ExpectedConditions.urlContains("#/apps/portal/edited"));
    await().atMost(PATIENCE).until(() -> app("/portal/edited").path("mem").asDouble() == 24.0);
    JsonNode edited = app("/portal/edited");
    assertThat(edited.path("env").path("GREETING").asText()).isEqualTo("hi");
    assertThat(edited.path("labels").path("keep").asText()).isEqualTo("me");
    assertThat(edited.path("cmd").asText()).isEqualTo("sleep 600");
  }

  @Test
  @Order(14)
  void aCrashingAppIsDelayedShowsItsLastFailureAndItsDelayCanBeReset() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/crashing\",\"cmd\":\"echo crash-report >&2; exit 3\",\"instances\":1,\"cpus\":0.1,\"mem\":16,\"backoffSeconds\":600}");
    open("#/apps/portal/crashing");
    waitFor().until(d -> d.findElement(By.cssSelector("#page-title .status")).getText().equals("Delayed"));
    WebElement message = byId("failure-message");
    assertThat(message.getText()).contains("3").contains("crash-report");
    String firstFailure = app("/portal/crashing").path("lastTaskFailure").path("timestamp").asText();

    // The crashed task has ended, and its agent forgotten it; its stderr is still there.
    waitFor().until(ExpectedConditions.elementToBeClickable(By.id("failure-logs"))).click();
    waitFor().until(d -> d.findElement(By.id("log-output")).getText().contains("crash-report"));
    assertThat(browser.getCurrentUrl()).endsWith("/stderr");
    open("#/apps/portal/crashing");
    waitFor().until(d -> d.findElement(By.cssSelector("#page-title .status")).getText().equals("Delayed"));

    byId("reset-delay").click();
    waitFor().until(d -> d.findElement(By.id("app-messages")).getText().contains("Launch delay reset."));
    // Launched again at once, it fails again: a newer failure proves the delay was lifted.
    await().atMost(PATIENCE).until(() -> !app("/portal/crashing").path("lastTaskFailure").path("timestamp").asText().equals(firstFailure));
    sendJson("DELETE", "/v2/apps/portal/crashing?force=true", "");
  }

  @Test
  @Order(15)
  void theRootLeadsToThePortalAndOnlyPortalFilesAreServed() throws Exception {
    HttpResponse<String> root = get("/");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui/"));
    HttpResponse<String> page = get("/ui/");
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("js/main.js");
    assertThat(get("/ui/js/main.js").headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(page.headers().firstValue("Cache-Control")).as("revalidated on every load").hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
    assertThat(get("/ui").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui/"));
    assertThat(get("/ui/logback.xml").statusCode()).isEqualTo(404);
    assertThat(get("/ui/io/drover/marathon/portal/Portal.class").statusCode()).isEqualTo(404);
    assertThat(get("/ui/Portal.class").statusCode()).isEqualTo(404);
    assertThat(get("/ui/../Portal.class").statusCode()).isEqualTo(404);
    assertThat(get("/ui/%2e%2e/Portal.class").statusCode()).as("no way out of the portal's folder").isBetween(400, 404);
    assertThat(get("/ui/..%2fPortal.class").statusCode()).isBetween(400, 404);
  }

  @Test
  @Order(16)
  void manyTabsShareOneEventStreamAndEachFollowsTheEvents() throws Exception {
    sendJson("POST", "/v2/apps", "{\"id\":\"/portal/tabs\",\"cmd\":\"sleep 600\",\"instances\":1,\"cpus\":0.1,\"mem\":16}");
    open("#/apps/portal/tabs");
    awaitRunning(1);
    String first = browser.getWindowHandle();
    int streams = eventStreams();

    // More tabs than a browser's six connections per host: a stream each would stall the last tabs.
    for (int tab = 0; tab < 8; tab++) {
      browser.switchTo().newWindow(WindowType.TAB);
      open("#/apps/portal/tabs");
      awaitRunning(1);
    }
    assertThat(eventStreams()).as("the tabs share the first tab's stream").isEqualTo(streams);

    sendJson("PATCH", "/v2/apps/portal/tabs", "{\"instances\":2}");
    awaitRunning(2);
    for (String tab : browser.getWindowHandles()) {
      if (!tab.equals(first)) {
        browser.switchTo().window(tab).close();
      }
    }
    browser.switchTo().window(first);
    awaitRunning(2);
    sendJson("DELETE", "/v2/apps/portal/tabs?force=true", "");
  }

  /** Event streams attached to marathon-app, from its metrics. */
  private static int eventStreams() throws Exception {
    return get("/metrics").body().lines()
        .filter(line -> line.startsWith("drover_marathon_event_streams "))
        .mapToInt(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no drover_marathon_event_streams in /metrics"));
  }

  @Test
  @Order(100)
  void anUnreachableApiIsAnnouncedAndRetriedUntilItAnswersAgain() throws Exception {
    open("#/apps");
    local.stopNow();

    WebElement banner = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
    assertThat(banner.getText()).contains("Cannot reach marathon-app");
    waitFor().until(d -> banner.getText().contains("2 attempts"));
    screenshot("unreachable");

    local.startAgain();
    waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("banner")));
    waitFor().until(d -> "Live".equals(d.findElement(By.id("live")).getText()));
    waitFor().until(d -> d.findElements(By.cssSelector("#apps-table tr[data-group='/portal']")).size() == 1);
  }
}
