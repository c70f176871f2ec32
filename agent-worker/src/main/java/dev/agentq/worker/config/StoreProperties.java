package dev.agentq.worker.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Postgres store ({@code agentq.store.*}), shared with the API.
 *
 * @param migrateOnStart whether the app brings the schema up to date as it starts; turn it off when
 *     a deployment step runs the migrations first (the Helm chart's Job does)
 */
@ConfigurationProperties("agentq.store")
public record StoreProperties(@DefaultValue("true") boolean migrateOnStart) {}
