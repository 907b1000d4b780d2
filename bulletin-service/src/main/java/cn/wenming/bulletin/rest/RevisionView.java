package cn.wenming.bulletin.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.bulletin.domain.Revision;
import cn.wenming.common.web.OfficeTime;

/** One change of an issue. */
@Schema(name = "Revision")
public record RevisionView(
        UUID id,
        OffsetDateTime at,
        @Schema(example = "梅雪峰") String actor,
        @Schema(example = "update", description = "create, create-historical, update, submit, approve, return, schedule, publish, recall, article-add, article-update, article-delete, article-order") String action,
        @Schema(example = "[{\"field\":\"editor\",\"before\":\"梅雪峰\",\"after\":\"田文松\"}]") List<Revision.FieldChange> changes) {

    static RevisionView of(Revision r) {
        return new RevisionView(r.id, OfficeTime.of(r.at), r.actor, r.action, r.changes);
    }
}
