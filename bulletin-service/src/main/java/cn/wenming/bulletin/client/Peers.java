package cn.wenming.bulletin.client;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.wenming.common.web.PeerCall;

/**
 * The calls bulletin-service makes to the other services, each with a timeout and a circuit
 * breaker; reads (idempotent) are retried with back-off and jitter. A peer that answers 5xx, 401
 * or 403, that cannot be reached or that does not answer in time is {@link PeerCall.Unavailable}: the
 * caller turns it into a 503 problem, or (the outbox) tries again later. Fault-tolerance settings
 * can be overridden by MicroProfile config ({@code Peers/task/Timeout/value=...}).
 */
@ApplicationScoped
public class Peers {

    /** Lists asked for in one call: a page's worth of distribution-service's lists. */
    static final int LISTS_PER_CALL = 100;

    /** What a lookup found. */
    public enum Found {
        EXISTS, MISSING
    }

    @Inject
    @RestClient
    TaskClient tasks;

    @Inject
    @RestClient
    HonorsClient honors;

    @Inject
    @RestClient
    DistributionClient distribution;

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { PeerCall.Unavailable.class, TimeoutException.class }, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = { PeerCall.Unavailable.class, TimeoutException.class })
    public Found task(UUID id) {
        return found("task-service", () -> tasks.task(id));
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { PeerCall.Unavailable.class, TimeoutException.class }, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = { PeerCall.Unavailable.class, TimeoutException.class })
    public Found honor(UUID id) {
        return found("honors-service", () -> honors.honor(id));
    }

    /**
     * The lists with these ids, each with its type and members' names, by id: one call for up to
     * {@link #LISTS_PER_CALL} lists (an issue names at most 90); a list that does not exist is absent.
     */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { PeerCall.Unavailable.class, TimeoutException.class }, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = { PeerCall.Unavailable.class, TimeoutException.class })
    public Map<UUID, DistributionListMembers> distributionLists(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, DistributionListMembers> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += LISTS_PER_CALL) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + LISTS_PER_CALL));
            try (Response r = call("distribution-service", () -> distribution.distributionLists(chunk, LISTS_PER_CALL))) {
                requireSuccess("distribution-service", r);
                r.readEntity(DistributionListMembers.Page.class).items().forEach(l -> found.put(l.id(), l));
            }
        }
        return found;
    }

    /**
     * Sends a published issue's dispatch, keyed by the id; returns the HTTP status. Not
     * retried here: the outbox relay retries with its own back-off, and the key makes repeats harmless.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = { PeerCall.Unavailable.class, TimeoutException.class })
    public int dispatch(DispatchRequest request, String requestId) {
        try (Response r = call("distribution-service", () -> distribution.dispatch(request.bulletinId().toString(), requestId, request))) {
            if (r.getStatus() >= 500 || r.getStatus() == 401 || r.getStatus() == 403 || r.getStatus() == 429) {
                throw new PeerCall.Unavailable("distribution-service", "HTTP " + r.getStatus());
            }
            return r.getStatus();
        }
    }

    private static Found found(String service, java.util.function.Supplier<Response> call) {
        try (Response r = call(service, call)) {
            if (r.getStatus() == 404) {
                return Found.MISSING;
            }
            requireSuccess(service, r);
            return Found.EXISTS;
        }
    }

    private static void requireSuccess(String service, Response r) {
        PeerCall.requireSuccess(service, r);
    }

    private static Response call(String service, java.util.function.Supplier<Response> call) {
        return PeerCall.call(service, call);
    }
}
