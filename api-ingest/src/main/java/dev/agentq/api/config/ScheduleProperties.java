package dev.agentq.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedules ({@code agentq.schedules.*}).
 *
 * @param enabled whether this instance runs due schedule ticks; any number may, each tick runs once
 * @param pollInterval how often the scheduler looks for due ticks
 * @param missedAfter a tick later than this (the API was down) is not run as such: the schedule
 *     makes one catch-up run, then keeps its cadence from now
 */
@ConfigurationProperties("agentq.schedules")
public record ScheduleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("1m") Duration missedAfter) {}
