package io.github.msghandler.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/** Adds a producer's health check to Camel's producers repository, and takes it out again. */
final class HealthCheckRegistration {
    private final WritableHealthCheckRepository repository;
    private final MsgHandlerHealthCheck check;

    private HealthCheckRegistration(WritableHealthCheckRepository repository, MsgHandlerHealthCheck check) {
        this.repository = repository;
        this.check = check;
    }

    /** @return null when the context has no such repository (health checks not enabled) */
    static HealthCheckRegistration register(CamelContext context, String repositoryId, MsgHandlerHealthCheck check) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, repositoryId,
                WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        repository.addHealthCheck(check);
        return new HealthCheckRegistration(repository, check);
    }

    void unregister() {
        repository.removeHealthCheck(check);
    }
}
