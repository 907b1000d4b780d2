package cn.wenming.distribution.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.distribution.domain.Dispatch;

/** What the sender of a published bulletin issue sets on its dispatch. */
@Schema(name = "DispatchInput", description = "分发一期已印发的简报")
public record DispatchInput(
        @NotNull @Schema(description = "简报 id (bulletin-service)", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID bulletinId,
        @NotBlank @Size(max = 40) @Schema(description = "期号 (issue label)", example = "第17期") String issueLabel,
        @NotBlank @Size(max = 200) @Schema(description = "标题 (title)", example = "2020年首都精神文明建设工作 聚焦四个方面 23项重点任务") String title,
        @Size(max = 2000) @Schema(description = "摘要 (summary)", example = "2020年是全面建成小康社会和“十三五”规划收官之年……") String summary,
        @Size(max = 500) @Schema(description = "全文链接 (link to the issue)", example = "https://wenming.gov.cn/api/v1/bulletins/3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10")
        String link,
        @NotNull @Size(max = 50) @Schema(description = "分发名单 id；每份名单按其类型（报/送/发）分发 (list ids; each list's type is its part)")
        List<@NotNull UUID> lists,
        @Size(max = 500) @Schema(description = "本期增发 (one-off additions; part defaults to the organization's kind)") List<Dispatch.@NotNull Addition> additions,
        @Schema(description = "签收截止 (acknowledgement deadline)", example = "2020-05-08T17:00:00+08:00") OffsetDateTime acknowledgeBy,
        @Schema(description = "重发：同一期再分发一轮 (a further round for an issue already dispatched)", example = "false") Boolean resend) {

    public List<Dispatch.Addition> additionsOrEmpty() {
        return additions == null ? List.of() : additions;
    }
}
