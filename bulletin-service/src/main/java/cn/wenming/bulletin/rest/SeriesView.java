package cn.wenming.bulletin.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.SeriesKind;
import cn.wenming.common.web.OfficeTime;

/** A series as the API shows it. */
@Schema(name = "Series")
public record SeriesView(
        @Schema(example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID id,
        @Schema(example = "首都精神文明建设情况简报") String title,
        @Schema(example = "首都精神文明办") String issuingOrg,
        SeriesKind kind,
        @Schema(example = "梅雪峰") String defaultEditor,
        @Schema(example = "田文松") String defaultReviewer,
        @Schema(example = "55569506") String phone,
        @Schema(example = "55569505") String fax,
        @Schema(example = "jswmzhxhc@163.com") String email,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static SeriesView of(BulletinSeries s) {
        return new SeriesView(s.id, s.title, s.issuingOrg, s.kind, s.defaultEditor, s.defaultReviewer,
                s.phone, s.fax, s.email, OfficeTime.of(s.createdAt), OfficeTime.of(s.updatedAt), s.version);
    }
}
