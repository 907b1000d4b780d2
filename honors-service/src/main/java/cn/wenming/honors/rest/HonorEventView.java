package cn.wenming.honors.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.HonorEvent;
import cn.wenming.honors.domain.HonorStatus;

/** One step of an honor's record. */
@Schema(name = "HonorEvent")
public record HonorEventView(
        UUID id,
        @Schema(example = "2020-04-17T10:00:00+08:00") OffsetDateTime at,
        @Schema(example = "田文松") String actor,
        @Schema(example = "confer", description = "nominate, update, publicize, objection, objection-resolved, withdraw, confer, revoke, review, attach") String action,
        @Schema(example = "PUBLICIZING") HonorStatus fromStatus,
        @Schema(example = "CONFERRED") HonorStatus toStatus,
        @Schema(example = "关于表彰第七届首都道德模范的决定") String note) {

    static HonorEventView of(HonorEvent e) {
        return new HonorEventView(e.id, OfficeTime.of(e.at), e.actor, e.action, e.fromStatus, e.toStatus, e.note);
    }
}
