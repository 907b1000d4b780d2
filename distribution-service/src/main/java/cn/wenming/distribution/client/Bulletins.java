package cn.wenming.distribution.client;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.web.PeerCall;

/**
 * The published issues of bulletin-service, read when a dispatch is made: a dispatch is the
 * publication's consequence, so what it says (title, summary, link) and whom it goes to (the issue's
 * lists and its one-off additions, 本期增发) come from the issue itself, never from the caller. The
 * read has a timeout and a circuit breaker and is retried (it is idempotent); a bulletin-service that
 * answers 5xx, 401 or 403, cannot be reached or does not answer in time is {@link PeerCall.Unavailable}.
 */
@ApplicationScoped
public class Bulletins {

    /** What a dispatch takes from a published issue; {@code lists} by part (REPORT, SEND, ISSUE). */
    public record PublishedIssue(UUID id, int issueNo, String label, String seriesTitle, String firstArticleTitle, String firstParagraph,
            Map<String, List<UUID>> lists, List<String> additions) {
    }

    private static final String SERVICE = "bulletin-service";

    @Inject
    @RestClient
    BulletinClient bulletins;

    /** The issue if it exists and is published; empty for an unknown id or an issue that is not (or no longer) published. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { PeerCall.Unavailable.class, TimeoutException.class }, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = { PeerCall.Unavailable.class, TimeoutException.class })
    public Optional<PublishedIssue> published(UUID id) {
        try (Response r = PeerCall.call(SERVICE, () -> bulletins.bulletin(id))) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            if (r.getStatus() != 200) {
                throw new PeerCall.Unavailable(SERVICE, "HTTP " + r.getStatus());
            }
            JsonNode issue = r.readEntity(JsonNode.class);
            if (!"PUBLISHED".equals(issue.path("status").asText()) || !issue.path("issueNo").canConvertToInt()) {
                return Optional.empty();
            }
            // the label as bulletin-service prints it (2020年第17期（总第2126期）): it is written in one place, there
            String label = issue.path("label").asText("");
            if (label.isBlank()) {
                throw new PeerCall.Unavailable(SERVICE, "a published issue without its label");
            }
            JsonNode first = issue.path("articles").path(0);
            Map<String, List<UUID>> lists = new LinkedHashMap<>();
            issue.path("distributionLists").fields().forEachRemaining(part -> {
                List<UUID> ids = new ArrayList<>();
                part.getValue().forEach(listId -> ids.add(UUID.fromString(listId.asText())));
                lists.put(part.getKey(), ids);
            });
            List<String> additions = new ArrayList<>();
            issue.path("additions").forEach(name -> additions.add(name.asText()));
            return Optional.of(new PublishedIssue(id, issue.path("issueNo").asInt(), label, issue.path("seriesTitle").asText(),
                    first.isMissingNode() ? null : first.path("title").asText(null),
                    first.path("paragraphs").path(0).asText(null), lists, additions));
        }
    }
}
