package cn.wenming.bulletin.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.common.web.OfficeTime;

/** An issue in a list: its numbers and state, without the articles. */
@Schema(name = "BulletinSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulletinSummary(
        UUID id,
        UUID seriesId,
        BulletinStatus status,
        @Schema(example = "2020年第17期（总第2126期）") String label,
        Integer year,
        Integer issueNo,
        Integer cumulativeNo,
        @Schema(example = "2020-04-24") LocalDate issueDate,
        @Schema(example = "梅雪峰") String editor,
        OffsetDateTime publishedAt,
        OffsetDateTime updatedAt,
        long version) {

    static BulletinSummary of(Bulletin b) {
        return new BulletinSummary(b.id, b.series.id, b.status, BulletinView.label(b), b.year, b.issueNo,
                b.cumulativeNo, b.issueDate, b.editor, OfficeTime.of(b.publishedAt), OfficeTime.of(b.updatedAt), b.version);
    }
}
