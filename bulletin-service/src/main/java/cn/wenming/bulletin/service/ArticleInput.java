package cn.wenming.bulletin.service;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as a client writes it. */
@Schema(name = "ArticleInput")
public record ArticleInput(
        @NotBlank @Size(max = 200) @Schema(example = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开") String title,
        @Size(max = 100) @Schema(example = "本刊") String source,
        @NotEmpty @Size(max = 200) @Schema(description = "The paragraphs in order, at most 200",
                example = "[\"4月17日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会。\"]")
        List<@NotBlank @Size(max = 10000) String> paragraphs,
        @Size(max = 50) @Schema(description = "Ids of task-service tasks this article reports on") List<@NotNull UUID> taskIds,
        @Size(max = 50) @Schema(description = "Ids of honors-service honors this article names") List<@NotNull UUID> honorIds) {

    public List<UUID> taskIdsOrEmpty() {
        return taskIds == null ? List.of() : taskIds;
    }

    public List<UUID> honorIdsOrEmpty() {
        return honorIds == null ? List.of() : honorIds;
    }
}
