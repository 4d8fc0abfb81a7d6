package io.drover.marathon.api;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.launch.ProcessedOffersSummary;
import io.drover.marathon.launch.QueueDelay;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.launch.RejectCount;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v2/queue}: what waits to be launched, in Marathon's shape (the app, {@code count},
 * {@code delay}, {@code since}, {@code processedOffersSummary}); {@code DELETE /v2/queue/{id}/delay}
 * lets the app's launches go ahead now.
 */
@Path("/v2/queue")
@Produces(MediaType.APPLICATION_JSON)
public final class QueueResource {
  private final DeploymentManager manager;
  private final InstanceControl instances;

  public QueueResource(DeploymentManager manager, InstanceControl instances) {
    this.manager = manager;
    this.instances = instances;
  }

  /** One element of Marathon's {@code queue} array. */
  public record QueuedApp(AppDefinition app, int count, QueueDelay delay, Instant since, OffersSummary processedOffersSummary) {}

  /** Marathon's {@code processedOffersSummary}; times never seen are left out. */
  public record OffersSummary(
      long processedOffersCount,
      long unusedOffersCount,
      Instant lastUnusedOfferAt,
      Instant lastUsedOfferAt,
      List<Reject> rejectSummaryLastOffers,
      List<Reject> rejectSummaryLaunchAttempt) {
    static OffersSummary of(ProcessedOffersSummary summary) {
      return new OffersSummary(
          summary.processedOffersCount(),
          summary.unusedOffersCount(),
          summary.lastUnusedOfferAt().orElse(null),
          summary.lastUsedOfferAt().orElse(null),
          summary.rejectSummaryLastOffers().stream().map(Reject::of).toList(),
          summary.rejectSummaryLaunchAttempt().stream().map(Reject::of).toList());
    }
  }

  /** One line of a reject funnel: the reason by Marathon's name, offers it declined, offers it saw. */
  public record Reject(String reason, long declined, long processed) {
    static Reject of(RejectCount count) {
      return new Reject(count.reason().marathonName(), count.declined(), count.processed());
    }
  }

  @GET
  public Response queue() {
    List<QueuedApp> queued = new ArrayList<>();
    for (QueueEntry entry : instances.queue()) {
      Optional<AppDefinition> app = manager.root().app(PathId.parse(entry.appId()));
      app.ifPresent(definition -> queued.add(new QueuedApp(definition, entry.count(), entry.delay(), entry.since(), OffersSummary.of(entry.processedOffersSummary()))));
    }
    return JsonResponses.ok(Map.of("queue", queued));
  }

  @DELETE
  @Path("{id:.+}/delay")
  public Response resetDelay(@PathParam("id") String id) {
    PathId appId = AppsResource.appId(id);
    if (manager.root().app(appId).isEmpty()) {
      throw ApiException.unknownApp(appId);
    }
    instances.resetDelay(appId.toString());
    return Response.noContent().build();
  }
}
