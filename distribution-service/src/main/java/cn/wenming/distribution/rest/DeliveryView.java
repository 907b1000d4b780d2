package cn.wenming.distribution.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.DeliveryAttempt;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Part;

/** A delivery as the API shows it; attempts only on a single read. */
@Schema(name = "Delivery", description = "一份分发：一个收文单位")
public record DeliveryView(
        @Schema(example = "0e6a5c1d-8f3b-4d2a-9c7e-1b5f3a9d7e21") UUID id,
        @Schema(example = "d1c0ffee-4b3a-4e2f-8a1b-9c8d7e6f5a40") UUID dispatchId,
        @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID organizationId,
        @Schema(example = "中央文明办") String organizationName,
        @Schema(description = "REPORT 报, SEND 送, ISSUE 发: the highest part that named it", example = "REPORT") Part part,
        @Schema(description = "点名的名单（或“本期增发”）(the lists that named it)", example = "[\"简报常用名单·报\"]") List<String> namedBy,
        @Schema(example = "WEBHOOK") Channel channel,
        @Schema(example = "SENT") DeliveryStatus status,
        @Schema(example = "1") int attempts,
        @Schema(example = "2020-04-24T10:00:05+08:00") OffsetDateTime nextAttemptAt,
        @Schema(example = "对方答复 (the receiver answered) HTTP 500") String lastError,
        @Schema(example = "2020-04-24T10:00:01+08:00") OffsetDateTime sentAt,
        @Schema(example = "2020-04-24T15:20:00+08:00") OffsetDateTime acknowledgedAt,
        @Schema(example = "oa-zywmb") String acknowledgedBy,
        List<Attempt> attemptLog,
        @Schema(example = "2") long version) {

    @Schema(name = "DeliveryAttempt", description = "一次发送尝试")
    public record Attempt(@Schema(example = "1") int attemptNo, @Schema(example = "2020-04-24T10:00:01+08:00") OffsetDateTime at,
            @Schema(description = "SENT, RETRY or FAILED", example = "SENT") String outcome, @Schema(example = "200") Integer httpStatus,
            String error) {
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.dispatchId, d.organizationId, d.organizationName, d.part, d.namedBy, d.channel, d.status,
                d.attempts, time(d.nextAttemptAt), d.lastError, time(d.sentAt), time(d.acknowledgedAt), d.acknowledgedBy,
                attempts == null ? null : attempts.stream().map(a -> new Attempt(a.attemptNo, OfficeTime.of(a.at), a.outcome, a.httpStatus, a.error))
                        .toList(),
                d.version);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OfficeTime.of(instant);
    }
}
