package cn.wenming.bulletin.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * distribution-service's DispatchInput: which published issue to dispatch, and by when its
 * recipients should sign for it. distribution-service takes everything else (title, summary, link,
 * lists, one-off additions) from the issue itself.
 */
public record DispatchRequest(UUID bulletinId, OffsetDateTime acknowledgeBy) {
}
