package cn.wenming.honors.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.wenming.honors.config.HonorsConfig;
import io.quarkus.scheduler.Scheduled;

/** Forgets Idempotency-Key answers older than {@link HonorsConfig#idempotencyRetention()}. */
@ApplicationScoped
public class IdempotencyJanitor {

    @Inject
    EntityManager em;

    @Inject
    HonorsConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "forget-idempotency-keys", every = "1h", delayed = "1m")
    @Transactional
    void forgetOldIdempotencyKeys() {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Instant.now(clock).minus(config.idempotencyRetention())).executeUpdate();
    }
}
