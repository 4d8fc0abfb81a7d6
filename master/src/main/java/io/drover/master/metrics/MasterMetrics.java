package io.drover.master.metrics;

import io.drover.core.TaskState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The master's Prometheus metrics, in a registry of their own. Gauges of agents, frameworks and tasks
 * are set by the leader as its counts change (never computed by scanning) and cleared when it stops
 * leading.
 */
public final class MasterMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Gauge agents =
      Gauge.builder().name("drover_master_agents").help("Agents known to the leading master, by state").labelNames("state").register(registry);
  private final Gauge frameworks =
      Gauge.builder().name("drover_master_frameworks").help("Frameworks known to the leading master, by state").labelNames("state").register(registry);
  private final Gauge tasks =
      Gauge.builder().name("drover_master_tasks").help("Tasks known to the leading master, by state").labelNames("state").register(registry);
  private final Counter offers =
      Counter.builder().name("drover_master_offers_total").help("Offers by what happened to them").labelNames("event").register(registry);
  private final Counter allocationRuns =
      Counter.builder().name("drover_master_allocation_runs_total").help("Allocation runs").register(registry);
  private final Histogram allocationDuration =
      Histogram.builder()
          .name("drover_master_allocation_duration_seconds")
          .help("How long allocation runs take")
          .unit(Unit.SECONDS)
          .classicOnly()
          .classicUpperBounds(0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
          .register(registry);
  private final Gauge isLeader =
      Gauge.builder().name("drover_master_is_leader").help("1 while this master leads, else 0").register(registry);

  public MasterMetrics() {
    for (OfferEvent event : OfferEvent.values()) {
      offers.labelValues(event.label());
    }
  }

  public void agents(String state, int count) {
    agents.labelValues(state).set(count);
  }

  public void frameworks(String state, int count) {
    frameworks.labelValues(state).set(count);
  }

  public void tasks(TaskState state, int count) {
    tasks.labelValues(state.name()).set(count);
  }

  public void offers(OfferEvent event, int count) {
    offers.labelValues(event.label()).inc(count);
  }

  public void allocationRan(Duration took) {
    allocationRuns.inc();
    allocationDuration.observe(took.toNanos() / 1e9);
  }

  public void leading(boolean leading) {
    isLeader.set(leading ? 1 : 0);
    if (!leading) {
      agents.clear();
      frameworks.clear();
      tasks.clear();
    }
  }

  public String contentType() {
    return writer.getContentType();
  }

  public void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
