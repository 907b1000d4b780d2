package cn.wenming.bulletin.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.domain.DistributionPart;

/**
 * What the text of a printed issue says, named as in the seed's expected reading
 * ({@code ../shared/seed/bulletin-2020-17.expected.json}).
 */
@Schema(name = "ParsedBulletin")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParsedBulletin(
        Series series,
        @Schema(example = "2020") Integer year,
        @Schema(example = "17") Integer issueNo,
        @Schema(example = "2126") Integer cumulativeNo,
        @Schema(example = "2020-04-24") LocalDate issueDate,
        @Schema(example = "梅雪峰") String editor,
        @Schema(example = "田文松") String reviewer,
        Contact contact,
        List<Article> articles,
        @Schema(example = "{\"REPORT\":[\"中央文明办\"],\"SEND\":[\"首都文明委委员\"],\"ISSUE\":[\"各区文明办\"]}")
        Map<DistributionPart, List<String>> distribution,
        @Schema(description = "本期增发") List<String> additions,
        @Schema(description = "印数") Integer printRun) {

    @Schema(name = "ParsedSeries")
    public record Series(@Schema(example = "首都精神文明建设情况简报") String title, @Schema(example = "首都精神文明办") String issuingOrg) {
    }

    @Schema(name = "ParsedContact")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(@Schema(example = "55569506") String phone, @Schema(example = "55569505") String fax,
            @Schema(example = "jswmzhxhc@163.com") String email) {
    }

    @Schema(name = "ParsedArticle")
    public record Article(@Schema(example = "1") int seq,
            @Schema(example = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开") String title,
            @Schema(example = "本刊") String source,
            List<String> paragraphs,
            @Schema(example = "4") int paragraphCount) {
    }
}
