package cn.wenming.bulletin.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import cn.wenming.common.version.ExpectedVersion;

/**
 * Publish an issue now ({@code at} null) or schedule it for {@code at}, once per idempotency key.
 *
 * @param id the issue
 * @param expected the version the caller last read (If-Match)
 * @param at when to publish, as the caller gave it; null for now
 * @param idempotencyKey a retry with the same key and the same {@code at} gets the first answer; null for none
 * @param actor who publishes
 */
public record Publish(UUID id, ExpectedVersion expected, OffsetDateTime at, String idempotencyKey, String actor) {
}
