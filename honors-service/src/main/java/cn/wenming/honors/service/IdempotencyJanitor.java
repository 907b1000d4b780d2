package cn.wenming.honors.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.honors.config.HonorsConfig;
import io.quarkus.scheduler.Scheduled;

/** Forgets Idempotency-Key answers older than {@link HonorsConfig#idempotencyRetention()}. */
@ApplicationScoped
public class IdempotencyJanitor {

    @Inject
    Idempotency idempotency;

    @Inject
    HonorsConfig config;

    @Scheduled(identity = "forget-idempotency-keys", every = "1h", delayed = "1m")
    void forgetOldIdempotencyKeys() {
        idempotency.forgetOlderThan(config.idempotencyRetention());
    }
}
