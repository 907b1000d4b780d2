package cn.wenming.common.audit;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the trail's list and export ({@code @BeanParam}), read as text and checked by {@link AuditQuery}. */
public class AuditFilterParams {

    @QueryParam("from")
    @Parameter(description = "Records written at or after this instant (with an offset) or day (Asia/Shanghai)", example = "2026-05-01",
            schema = @Schema(type = SchemaType.STRING))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Records written before this instant, or up to the end of this day", example = "2026-05-31T18:00:00+08:00",
            schema = @Schema(type = SchemaType.STRING))
    public String to;

    @QueryParam("user")
    @Parameter(description = "Only this user (the token's upn)", example = "王芳")
    public String user;

    @QueryParam("org")
    @Parameter(description = "Only callers acting for this body (the token's org claim)", example = "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b")
    public String org;

    @QueryParam("resourceType")
    @Parameter(description = "Only this type of resource (the entity's name, e.g. WorkPlan, Task, Honor)", example = "WorkPlan")
    public String resourceType;

    @QueryParam("resourceId")
    @Parameter(description = "Only this resource", example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
    public String resourceId;

    @QueryParam("outcome")
    @Parameter(description = "Only this outcome", schema = @Schema(enumeration = { "SUCCESS", "REPLAYED", "REFUSED", "FAILED" }), example = "REFUSED")
    public String outcome;

    @QueryParam("status")
    @Parameter(description = "Only answers with this HTTP status", schema = @Schema(type = SchemaType.INTEGER, minimum = "100", maximum = "599"),
            example = "403")
    public String status;

    @QueryParam("operation")
    @Parameter(description = "Only this operation (its operationId)", example = "WorkPlanResource_create")
    public String operation;

    @QueryParam("requestId")
    @Parameter(description = "Only this request (X-Request-Id)", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10")
    public String requestId;

    AuditQuery toQuery() {
        return AuditQuery.parse(from, to, user, org, resourceType, resourceId, outcome, status, operation, requestId);
    }
}
