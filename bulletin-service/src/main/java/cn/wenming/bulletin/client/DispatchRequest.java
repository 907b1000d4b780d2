package cn.wenming.bulletin.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** distribution-service's DispatchInput: what the outbox sends for a published issue. */
public record DispatchRequest(UUID bulletinId, String issueLabel, String title, String summary, String link, List<UUID> lists,
        List<Object> additions, OffsetDateTime acknowledgeBy, Boolean resend) {
}
