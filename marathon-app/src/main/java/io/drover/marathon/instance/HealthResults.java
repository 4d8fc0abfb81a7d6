package io.drover.marathon.instance;

import io.drover.marathon.app.HealthCheckResult;
import java.util.List;

/** Results of an instance's health checks that are not in its status updates (checks run by marathon-app itself). */
public interface HealthResults {
  List<HealthCheckResult> of(InstanceId instance);
}
