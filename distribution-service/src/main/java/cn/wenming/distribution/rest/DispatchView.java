package cn.wenming.distribution.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Dispatch;

/** A dispatch with its delivery counts. */
@Schema(name = "Dispatch", description = "一期简报的分发")
public record DispatchView(
        @Schema(example = "d1c0ffee-4b3a-4e2f-8a1b-9c8d7e6f5a40") UUID id,
        @Schema(example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID bulletinId,
        @Schema(description = "轮次：1 为首发，之后为重发 (1 first, then resends)", example = "1") int round,
        @Schema(description = "the issue's label as bulletin-service prints it", example = "2020年第17期（总第2126期）") String issueLabel,
        @Schema(example = "2020年首都精神文明建设工作 聚焦四个方面 23项重点任务") String title,
        String summary,
        String link,
        List<UUID> lists,
        List<Dispatch.Addition> additions,
        @Schema(description = "本期增发中未找到的收文单位名称：未分发 (names of one-off additions that name no organization: not sent)",
                example = "[]") List<String> unresolved,
        @Schema(example = "2020-05-08T17:00:00+08:00") OffsetDateTime acknowledgeBy,
        @Schema(example = "editor-梅雪峰") String createdBy,
        @Schema(example = "2020-04-24T10:00:00+08:00") OffsetDateTime createdAt,
        Counts counts) {

    @Schema(name = "DispatchCounts", description = "各状态的分发数")
    public record Counts(@Schema(example = "10") long total, @Schema(example = "2") long pending, @Schema(example = "5") long sent,
            @Schema(example = "2") long acknowledged, @Schema(example = "1") long failed) {
    }

    static DispatchView of(Dispatch d, Map<DeliveryStatus, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new DispatchView(d.id, d.bulletinId, d.round, d.issueLabel, d.title, d.summary, d.link, d.lists, d.additions, d.unresolved,
                DeliveryView.time(d.acknowledgeBy), d.createdBy, OfficeTime.of(d.createdAt),
                new Counts(total, counts.get(DeliveryStatus.PENDING), counts.get(DeliveryStatus.SENT),
                        counts.get(DeliveryStatus.ACKNOWLEDGED), counts.get(DeliveryStatus.FAILED)));
    }
}
