package cn.wenming.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets the {@code Idempotency-Key} answers older than {@link SuiteIdempotencyConfig#retention()},
 * hourly, in every service. Each replica runs it; the deletes of two at once are harmless.
 */
@ApplicationScoped
public class IdempotencyJanitor {

    @Inject
    Idempotency idempotency;

    @Inject
    SuiteIdempotencyConfig config;

    @Scheduled(identity = "forget-idempotency-keys", every = "1h", delayed = "1m")
    public void forgetOldAnswers() {
        idempotency.forgetOlderThan(config.retention());
    }
}
