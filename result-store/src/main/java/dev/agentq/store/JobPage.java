package dev.agentq.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param jobs the jobs, newest first
 * @param hasMore whether older jobs match too
 */
public record JobPage(List<JobSummary> jobs, boolean hasMore) {}
