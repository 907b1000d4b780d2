package cn.wenming.bulletin.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.bulletin.domain.Article;

/** An article as the API shows it. */
@Schema(name = "Article")
public record ArticleView(
        @Schema(example = "8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37") UUID id,
        @Schema(example = "1") int seq,
        @Schema(example = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开") String title,
        @Schema(example = "本刊") String source,
        List<String> paragraphs,
        List<UUID> taskIds,
        List<UUID> honorIds) {

    static ArticleView of(Article a) {
        return new ArticleView(a.id, a.seq, a.title, a.source, List.copyOf(a.paragraphs), List.copyOf(a.taskIds),
                List.copyOf(a.honorIds));
    }
}
