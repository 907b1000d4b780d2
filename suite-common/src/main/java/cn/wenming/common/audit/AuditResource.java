package cn.wenming.common.audit;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.OfficeTime;

/**
 * A service's own audit trail, for admins, through the gateway at {@code /api/v1/audit/<service>/...}:
 * read with filters, verified, exported, purged past the retention. Every service serves it for its own
 * name only; another name is a 404.
 */
@Path("/api/v1/audit/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审计 Audit trail", description = "The service's append-only, hash-chained record of every change, refusal, read of "
        + "personal data and export (SECURITY.md, \"Audit trail\"). Admins only; {service} is this service's own name.")
public class AuditResource {

    /** The operationId of the purge: its records are what a verification accepts as the start of a purged trail. */
    public static final String PURGE = "purgeAuditRecords";
    /** The type of resource the trail itself is, in its own records (a purge, an export). */
    public static final String TRAIL = "AuditTrail";

    static final String SORT = "-seq";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    static final String RECORD = "{\"seq\":1024,\"id\":\"0b9e6c1a-2f3d-4e5a-8b7c-9d0e1f2a3b4c\",\"at\":\"2026-05-20T09:30:12.123456+08:00\","
            + "\"user\":\"王芳\",\"org\":\"8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b\",\"roles\":[\"editor\"],\"clientAddress\":\"10.12.3.45\","
            + "\"method\":\"POST\",\"path\":\"/api/v1/work-plans\",\"operation\":\"WorkPlanResource_create\",\"resourceType\":\"WorkPlan\","
            + "\"resourceId\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"versionAfter\":0,\"outcome\":\"SUCCESS\","
            + "\"requestId\":\"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10\",\"changes\":[{\"type\":\"WorkPlan\","
            + "\"id\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"change\":\"INSERT\",\"versionBefore\":null,\"versionAfter\":0}],"
            + "\"prevHash\":\"5d41402abc4b2a76b9719d911017c592ae2b3c8f4e1d7a6b5c4d3e2f1a0b9c8d\","
            + "\"hash\":\"9c1185a5c5e9fc54612808977ee8f548b2258d31a7c3e5f1b2d4c6e8a0f2b4d6\"}";
    static final String REFUSAL = "{\"seq\":1025,\"id\":\"1c0f7d2b-3a4e-4f6b-9c8d-0e1f2a3b4c5d\",\"at\":\"2026-05-20T09:31:02.654321+08:00\","
            + "\"user\":\"李明\",\"org\":\"8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b\",\"roles\":[\"reader\"],\"clientAddress\":\"10.12.3.46\","
            + "\"method\":\"PUT\",\"path\":\"/api/v1/work-plans/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"operation\":\"WorkPlanResource_update\","
            + "\"resourceType\":\"WorkPlan\",\"resourceId\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"outcome\":\"REFUSED\",\"status\":403,"
            + "\"requestId\":\"4a3c9d2f-1e0b-4c7a-8f6e-5d4c3b2a1f0e\","
            + "\"prevHash\":\"9c1185a5c5e9fc54612808977ee8f548b2258d31a7c3e5f1b2d4c6e8a0f2b4d6\","
            + "\"hash\":\"2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6\"}";

    @Inject
    AuditTrail trail;

    @GET
    @Path("records")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditRecords", summary = "读取审计记录 (read the audit trail)",
            description = "The service's audit records, newest first, keyset-paged (?limit= 1-100, ?cursor=). Filters: from and to "
                    + "(an instant with an offset, or a day in Asia/Shanghai; to is exclusive, a day includes itself), user, org, "
                    + "resourceType, resourceId, outcome, status, operation and requestId, each matching exactly. A bad value is a 400 "
                    + "naming it. {service} other than this service's name is a 404.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "编辑新建工作要点，读者修改被拒", value = "{\"items\":[" + REFUSAL + "," + RECORD + "],"
                    + "\"nextCursor\":\"WyItc2VxIiwiMTAyNCIsIjBiOWU2YzFhLTJmM2QtNGU1YS04YjdjLTlkMGUxZjJhM2I0YyJd\"}")))
    public Page<AuditRecordView> records(@PathParam("service") @Parameter(description = "This service's name", example = "task-service") String service,
            @BeanParam PageParams page, @BeanParam AuditFilterParams filter) {
        own(service);
        AuditQuery query = filter.toQuery();
        PageRequest request = page.toRequest(SORT);
        Long after = request.after().map(c -> seq(c.key())).orElse(null);
        return Page.of(trail.page(query, after, request.fetchSize()), request, r -> Long.toString(r.seq()), AuditRecord::id,
                AuditRecordView::of);
    }

    @GET
    @Path("verify")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "verifyAuditTrail", summary = "校验审计记录 (verify the audit trail)",
            description = "Recomputes the hash chain from the first remaining record to the last: each record's SHA-256 over its "
                    + "content and the previous record's hash, each prevHash, each seq (gap-free). valid is false, and invalid names "
                    + "the first record that does not match and why, when any record was altered or removed by hand. A trail that "
                    + "starts after seq 1 must start where a purge left it. lastSeq and lastHash are what to note elsewhere to detect, "
                    + "later, the removal of the newest records.")
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                    @ExampleObject(name = "完好", value = "{\"service\":\"task-service\",\"valid\":true,\"checked\":1025,\"firstSeq\":1,"
                            + "\"lastSeq\":1025,\"lastHash\":\"2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6\"}"),
                    @ExampleObject(name = "被篡改", value = "{\"service\":\"task-service\",\"valid\":false,\"checked\":1023,\"firstSeq\":1,"
                            + "\"lastSeq\":1024,\"invalid\":{\"seq\":1024,\"id\":\"0b9e6c1a-2f3d-4e5a-8b7c-9d0e1f2a3b4c\","
                            + "\"reason\":\"内容与哈希不符 (its content does not match its hash)\"}}") }))
    public VerificationView verify(@PathParam("service") @Parameter(description = "This service's name", example = "task-service") String service) {
        own(service);
        return VerificationView.of(trail.service(), trail.verify());
    }

    @GET
    @Path("export")
    @Produces({ CSV, NDJSON, JSONL })
    @RolesAllowed(Roles.ADMIN)
    @AuditedRead
    @Operation(operationId = "exportAuditRecords", summary = "导出审计记录 (export the audit trail)",
            description = "Every record that matches the filters (as for the list), oldest first, streamed: CSV (text/csv, UTF-8 "
                    + "with a BOM, a header row; a cell that starts with =, +, -, @, a tab or a carriage return is prefixed with an "
                    + "apostrophe so that no spreadsheet runs it) or JSON Lines (application/x-ndjson or application/jsonl, one record "
                    + "a line as the list shows it). ?format=csv or jsonl chooses, else the Accept header. The export is itself "
                    + "recorded in the trail.")
    @APIResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = CSV, examples = @ExampleObject(name = "CSV", value = "seq,id,at,user,org,roles,clientAddress,method,path,"
                    + "query,operation,resourceType,resourceId,versionBefore,versionAfter,outcome,status,requestId,detail,changes,prevHash,"
                    + "hash\r\n1025,1c0f7d2b-3a4e-4f6b-9c8d-0e1f2a3b4c5d,2026-05-20T09:31:02.654321+08:00,李明,"
                    + "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b,reader,10.12.3.46,PUT,/api/v1/work-plans/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f,,"
                    + "WorkPlanResource_update,WorkPlan,7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f,,,REFUSED,403,"
                    + "4a3c9d2f-1e0b-4c7a-8f6e-5d4c3b2a1f0e,,,9c1185a5c5e9fc54612808977ee8f548b2258d31a7c3e5f1b2d4c6e8a0f2b4d6,"
                    + "2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6\r\n")),
            @Content(mediaType = NDJSON, examples = @ExampleObject(name = "JSON Lines", value = REFUSAL + "\n")),
            @Content(mediaType = JSONL, examples = @ExampleObject(name = "JSON Lines", value = REFUSAL + "\n")) })
    public Response export(@PathParam("service") @Parameter(description = "This service's name", example = "task-service") String service,
            @QueryParam("format") @Parameter(description = "csv or jsonl; default: by the Accept header, else csv",
                    schema = @Schema(enumeration = { "csv", "jsonl" }), example = "csv") String format,
            @HeaderParam(HttpHeaders.ACCEPT) @Parameter(hidden = true) String accept,
            @BeanParam AuditFilterParams filter) {
        own(service);
        AuditQuery query = filter.toQuery();
        AuditTrail.Format f = format(format, accept);
        String type = f == AuditTrail.Format.CSV ? CSV + "; charset=UTF-8"
                : accept != null && accept.contains(JSONL) && !accept.contains(NDJSON) ? JSONL : NDJSON;
        StreamingOutput body = out -> trail.export(query, f, out);
        return Response.ok(body).type(type)
                .header("Content-Disposition", "attachment; filename=\"" + trail.service() + "-audit." + (f == AuditTrail.Format.CSV ? "csv" : "jsonl") + "\"")
                .build();
    }

    @POST
    @Path("purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = PURGE, summary = "清理过期审计记录 (purge records past the retention)",
            description = "Removes the records written before `before`, oldest first and only as the start of the chain (a record "
                    + "written at or after it stays, with everything after it; the newest record always stays). Records are kept at "
                    + "least the retention (SUITE_AUDIT_RETENTION, at least 180 days: the Cybersecurity Law's six months of logs): a "
                    + "`before` less than that in the past is a 409 and removes nothing, and the database refuses to delete a younger "
                    + "record too. The remaining trail still verifies; the purge is itself recorded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "半年前", value = "{\"before\":\"2025-11-01T00:00:00+08:00\",\"reason\":\"按保存期限清理 2025 年 11 月以前的记录\"}")))
    @APIResponse(responseCode = "200", description = "Purged", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "已清理", value = "{\"before\":\"2025-11-01T00:00:00+08:00\",\"removed\":120,\"firstSeq\":121,"
                    + "\"retentionDays\":180,\"detail\":\"已删除 120 条 2025-10-31T16:00:00Z 之前的记录 (removed 120 records written before "
                    + "2025-10-31T16:00:00Z): 按保存期限清理 2025 年 11 月以前的记录\"}")))
    @APIResponse(responseCode = "409", description = "审计记录至少保存 180 天 (before is within the retention: nothing removed)")
    public PurgeView purge(@PathParam("service") @Parameter(description = "This service's name", example = "task-service") String service,
            @NotNull @Valid PurgeInput input) {
        own(service);
        AuditTrail.Purged purged = trail.purge(input.before().toInstant(), input.reason());
        return new PurgeView(OfficeTime.of(purged.before()), purged.removed(), purged.firstSeq(), trail.retention().toDays(), purged.detail());
    }

    /** A purge: the records written before this instant go. */
    @Schema(name = "AuditPurgeInput")
    public record PurgeInput(
            @NotNull @Schema(description = "Remove the records written before this instant (with its offset)", required = true,
                    example = "2025-11-01T00:00:00+08:00") OffsetDateTime before,
            @Size(max = 500) @Schema(description = "Why, in the purge's own record", maxLength = 500,
                    example = "按保存期限清理 2025 年 11 月以前的记录") String reason) {
    }

    /** What a purge did. */
    @Schema(name = "AuditPurge")
    public record PurgeView(
            @Schema(description = "The cut-off") OffsetDateTime before,
            @Schema(description = "How many records were removed", example = "120") int removed,
            @Schema(description = "The seq the trail now starts at", example = "121") Long firstSeq,
            @Schema(description = "The retention in days", example = "180") long retentionDays,
            @Schema(description = "What the purge's own record says", example = "已删除 120 条 2025-10-31T16:00:00Z 之前的记录") String detail) {
    }

    /** A verification. */
    @Schema(name = "AuditVerification")
    public record VerificationView(
            @Schema(description = "The service whose trail it is", example = "task-service") String service,
            @Schema(description = "Whether every record matches its hash and follows the one before") boolean valid,
            @Schema(description = "How many records matched", example = "1025") long checked,
            @Schema(description = "The first remaining record's seq (after a purge, not 1)", example = "1") Long firstSeq,
            @Schema(description = "The last record's seq (the one that does not match, when invalid)", example = "1025") Long lastSeq,
            @Schema(description = "The last record's hash, when valid") String lastHash,
            @Schema(description = "The first record that does not match, when not valid") Invalid invalid) {

        static VerificationView of(String service, AuditChain.Verification v) {
            return new VerificationView(service, v.valid(), v.checked(), v.firstSeq(), v.lastSeq(), v.lastHash(),
                    v.invalid() == null ? null : new Invalid(v.invalid().seq(), v.invalid().id(), v.invalid().reason()));
        }
    }

    /** The first record that does not match. */
    @Schema(name = "AuditInvalidRecord")
    public record Invalid(
            @Schema(description = "Its seq", example = "1024") long seq,
            @Schema(description = "Its id") UUID id,
            @Schema(description = "Why", example = "内容与哈希不符 (its content does not match its hash)") String reason) {
    }

    private void own(String service) {
        if (!trail.service().equals(service)) {
            throw ProblemException.notFound("审计记录 (audit trail)", service);
        }
    }

    private static Long seq(String key) {
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
        }
    }

    private static AuditTrail.Format format(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> AuditTrail.Format.CSV;
                case "jsonl", "ndjson" -> AuditTrail.Format.JSONL;
                default -> throw ProblemException.invalid("format", "必须是 csv 或 jsonl (must be csv or jsonl)");
            };
        }
        return accept != null && (accept.contains(NDJSON) || accept.contains(JSONL)) && !accept.contains(CSV) ? AuditTrail.Format.JSONL
                : AuditTrail.Format.CSV;
    }
}
