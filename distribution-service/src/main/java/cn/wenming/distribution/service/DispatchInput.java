package cn.wenming.distribution.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which published issue to dispatch. Everything else (title, summary, link, lists and one-off
 * additions) is taken from the issue in bulletin-service, never from the caller.
 */
@Schema(name = "DispatchInput", description = "分发一期已印发的简报：内容与收文单位均取自该期简报 (dispatch a published issue: its content and recipients are the issue's own)")
public record DispatchInput(
        @NotNull @Schema(description = "简报 id (bulletin-service)，须为已印发的一期 (a published issue)", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID bulletinId,
        @Schema(description = "签收截止 (acknowledgement deadline)", example = "2020-05-08T17:00:00+08:00") OffsetDateTime acknowledgeBy,
        @Schema(description = "重发：同一期再分发一轮 (a further round for an issue already dispatched)", example = "false") Boolean resend) {
}
