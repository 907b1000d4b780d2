package cn.wenming.common.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.web.OfficeTime;

/** One audit record as admins read it (the list, JSON Lines); the CSV has the same columns. */
@Schema(name = "AuditRecord", description = "One record of a service's audit trail (审计记录)")
public record AuditRecordView(
        @Schema(description = "Its place in the chain: gap-free, from 1", example = "1024") long seq,
        @Schema(description = "Its id") UUID id,
        @Schema(description = "When it was written (Asia/Shanghai)", example = "2026-05-20T09:30:12.123456+08:00") OffsetDateTime at,
        @Schema(description = "Who: the token's upn; absent without a valid token", example = "王芳") String user,
        @Schema(description = "For which body: the token's org claim (an organization id)", example = "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b") String org,
        @Schema(description = "With which roles: the token's groups", example = "[\"editor\"]") List<String> roles,
        @Schema(description = "From which client address (the gateway's X-Forwarded-For)", example = "10.12.3.45") String clientAddress,
        @Schema(description = "HTTP method", example = "POST") String method,
        @Schema(description = "The request path", example = "/api/v1/work-plans") String path,
        @Schema(description = "The query string, if any", example = "commit=true") String query,
        @Schema(description = "The operationId of the OpenAPI document", example = "WorkPlanResource_create") String operation,
        @Schema(description = "The type of the resource (the entity's name)", example = "WorkPlan") String resourceType,
        @Schema(description = "The resource's id", example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") String resourceId,
        @Schema(description = "Its version (ETag) before; absent for a new one") Long versionBefore,
        @Schema(description = "Its version (ETag) after; absent when removed or unchanged", example = "0") Long versionAfter,
        @Schema(description = "SUCCESS, REPLAYED (an Idempotency-Key seen before), REFUSED (4xx) or FAILED (5xx)", example = "SUCCESS") Outcome outcome,
        @Schema(description = "The HTTP status, when the record was written after the answer; absent for a change recorded in its own transaction") Integer status,
        @Schema(description = "The request id (X-Request-Id)", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") String requestId,
        @Schema(description = "What the service added, e.g. what a purge removed", example = "已删除 120 条记录") String detail,
        @Schema(description = "Every entity the transaction changed (at most 100, then one entry {\"more\": n})", type = SchemaType.ARRAY,
                implementation = Change.class) JsonNode changes,
        @Schema(description = "The hash of the record before it (64 zeros for the first)") String prevHash,
        @Schema(description = "SHA-256 over this record's content and prevHash (SECURITY.md says what exactly)") String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of {@code changes}, for the document (the list is kept as it was hashed). */
    @Schema(name = "AuditChange", description = "An entity a transaction changed")
    public record Change(
            @Schema(description = "Its entity type", example = "Task") String type,
            @Schema(description = "Its id", example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") String id,
            @Schema(description = "INSERT, UPDATE or DELETE", example = "UPDATE") String change,
            @Schema(description = "Its version before; absent for a new one", example = "3") Long versionBefore,
            @Schema(description = "Its version after; absent when removed", example = "4") Long versionAfter,
            @Schema(description = "Only in a last entry: how many more were changed and not listed") Integer more) {
    }

    static AuditRecordView of(AuditRecord r) {
        AuditEntry e = r.entry();
        return new AuditRecordView(r.seq(), r.id(), OfficeTime.of(r.at()), e.user(), e.org(),
                e.roles() == null || e.roles().isEmpty() ? List.of() : List.of(e.roles().split(",")), e.clientAddress(), e.method(),
                e.path(), e.query(), e.operation(), e.resourceType(), e.resourceId(), e.versionBefore(), e.versionAfter(), e.outcome(),
                e.status(), e.requestId(), e.detail(), json(e.changes()), r.prevHash(), r.hash());
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text); // altered by hand: shown as it is
        }
    }
}
