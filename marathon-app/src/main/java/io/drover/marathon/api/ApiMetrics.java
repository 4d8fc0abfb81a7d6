package io.drover.marathon.api;

import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.events.EventBus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/** marathon-app's Prometheus metrics: API requests by method and status, apps, deployments, leadership, event streams. */
public final class ApiMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests;

  public ApiMetrics(DeploymentManager manager, LeaderControl leadership, EventBus events) {
    requests =
        Counter.builder()
            .name("drover_marathon_http_requests_total")
            .help("API requests answered, by method and status")
            .labelNames("method", "status")
            .register(registry);
    GaugeWithCallback.builder()
        .name("drover_marathon_apps")
        .help("Apps in the root group (0 on standbys)")
        .callback(callback -> callback.call(manager.isLeading() ? manager.root().apps().size() : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("drover_marathon_deployments")
        .help("Deployments under way (0 on standbys)")
        .callback(callback -> callback.call(manager.isLeading() ? manager.deployments().size() : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("drover_marathon_is_leader")
        .help("1 while this instance leads, else 0")
        .callback(callback -> callback.call(leadership.isLeader() ? 1 : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("drover_marathon_event_streams")
        .help("Clients attached to /v2/events")
        .callback(callback -> callback.call(events.subscriberCount()))
        .register(registry);
  }

  void requestAnswered(String method, int status) {
    requests.labelValues(method, Integer.toString(status)).inc();
  }

  String contentType() {
    return writer.getContentType();
  }

  void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
