package cn.wenming.distribution.service;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.distribution.domain.Part;

/** What a client sets on a distribution list. */
@Schema(name = "DistributionListInput", description = "分发名单 as a client writes it")
public record DistributionListInput(
        @NotBlank @Size(max = 100) @Schema(description = "名称，唯一 (unique name)", example = "简报常用名单·报") String name,
        @NotNull @Schema(description = "REPORT 报, SEND 送, ISSUE 发", example = "REPORT") Part type,
        @NotNull @Size(max = 1000) @Schema(description = "成员单位 id，按顺序，不得重复 (member organization ids, in order, each once)",
                example = "[\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"]") List<@NotNull UUID> members) {
}
