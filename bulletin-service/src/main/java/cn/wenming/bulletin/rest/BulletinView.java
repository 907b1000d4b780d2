package cn.wenming.bulletin.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.common.web.OfficeTime;

/** An issue with its articles, as the API shows it. */
@Schema(name = "Bulletin")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulletinView(
        @Schema(example = "5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e") UUID id,
        @Schema(example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID seriesId,
        @Schema(example = "首都精神文明建设情况简报") String seriesTitle,
        BulletinStatus status,
        @Schema(description = "第N期 and 总第N期 as printed; absent until published", example = "2020年第17期（总第2126期）") String label,
        @Schema(example = "2020") Integer year,
        @Schema(example = "17") Integer issueNo,
        @Schema(example = "2126") Integer cumulativeNo,
        @Schema(example = "2020-04-24") LocalDate issueDate,
        @Schema(example = "梅雪峰") String editor,
        @Schema(example = "田文松") String reviewer,
        @Schema(example = "300") Integer printRun,
        List<ArticleView> articles,
        Map<DistributionPart, List<String>> distribution,
        Map<DistributionPart, List<UUID>> distributionLists,
        List<String> additions,
        boolean historical,
        OffsetDateTime publishAt,
        OffsetDateTime publishedAt,
        @Schema(description = "Why it was last returned or recalled", example = "第二篇文章标题需与工作要点一致") String statusReason,
        String createdBy,
        String submittedBy,
        String approvedBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static BulletinView of(Bulletin b) {
        return new BulletinView(b.id, b.series.id, b.series.title, b.status, label(b), b.year, b.issueNo, b.cumulativeNo,
                b.issueDate, b.editor, b.reviewer, b.printRun, b.articles.stream().map(ArticleView::of).toList(),
                b.distribution, b.distributionLists, b.additions, b.historical, OfficeTime.of(b.publishAt),
                OfficeTime.of(b.publishedAt), b.statusReason, b.createdBy, b.submittedBy, b.approvedBy,
                OfficeTime.of(b.createdAt), OfficeTime.of(b.updatedAt), b.version);
    }

    static String label(Bulletin b) {
        return label(b.year, b.issueNo, b.cumulativeNo);
    }

    static String label(Integer year, Integer issueNo, Integer cumulativeNo) {
        return issueNo == null ? null : year + "年第" + issueNo + "期（总第" + cumulativeNo + "期）";
    }
}
