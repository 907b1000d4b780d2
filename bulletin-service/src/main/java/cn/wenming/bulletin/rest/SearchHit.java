package cn.wenming.bulletin.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.search.SearchService;

/**
 * A search hit: an article and the issue it is in. {@code titleHighlight} and {@code snippet} are
 * HTML: the words found are inside {@code <em>…</em>}, every other character is escaped, so both
 * can be shown as HTML as they are; {@code title} is plain text.
 */
@Schema(name = "SearchHit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(
        @Schema(example = "5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e") UUID bulletinId,
        @Schema(example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID seriesId,
        @Schema(example = "首都精神文明建设情况简报") String seriesTitle,
        BulletinStatus status,
        @Schema(description = "第N期 and 总第N期 as printed; absent until published", example = "2020年第17期（总第2126期）") String label,
        @Schema(example = "2020") Integer year,
        @Schema(example = "17") Integer issueNo,
        @Schema(example = "2126") Integer cumulativeNo,
        @Schema(example = "2020-04-24") LocalDate issueDate,
        @Schema(example = "8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37") UUID articleId,
        @Schema(description = "The article's place in the issue, from 1", example = "1") int seq,
        @Schema(description = "Plain text", example = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开") String title,
        @Schema(description = "The title as HTML with the words found in <em>", example = "首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会召开") String titleHighlight,
        @Schema(description = "About 120 characters of the first paragraph with a hit, as HTML with the words found in <em>; … where cut",
                example = "…北京市召开首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会,蔡奇同志出席会议并作重要讲话…") String snippet,
        @Schema(description = "True when the title contains the words: these hits rank first") boolean titleMatch) {

    static SearchHit of(SearchService.Hit hit) {
        return new SearchHit(hit.bulletinId(), hit.seriesId(), hit.seriesTitle(), hit.status(),
                BulletinView.label(hit.year(), hit.issueNo(), hit.cumulativeNo()), hit.year(), hit.issueNo(), hit.cumulativeNo(),
                hit.issueDate(), hit.articleId(), hit.seq(), hit.title(), hit.titleHighlight(), hit.snippet(), hit.titleMatch());
    }
}
