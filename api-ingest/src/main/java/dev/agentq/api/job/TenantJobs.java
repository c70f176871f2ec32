package dev.agentq.api.job;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.problem.Codes;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;

/**
 * A caller's jobs. Another tenant's job is "not found", answered exactly like an id that names no
 * job at all, so that ids of other tenants cannot even be confirmed.
 */
public final class TenantJobs {
  private final JobStore jobs;

  public TenantJobs(JobStore jobs) {
    this.jobs = jobs;
  }

  public Job find(Caller caller, String id) {
    return JobIds.parse(id)
        .flatMap(uuid -> jobs.find(caller.tenantId(), uuid))
        .orElseThrow(() -> Codes.jobNotFound(id));
  }
}
