package cn.wenming.honors.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.audit.AuditedRead;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Caller;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.honors.service.HonorService;
import cn.wenming.honors.service.ObjectionInput;
import cn.wenming.honors.service.ObjectionService;

@Path("/api/v1/honors/{id}/objections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "异议 Objections", description = "Objections raised while an honor is publicized (公示), resolved before it is conferred. Never public.")
public class ObjectionResource {

    @Inject
    ObjectionService objections;

    @Inject
    HonorService honors;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @AuditedRead
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出异议 (list objections)", description = "Every objection to the honor, oldest first, open or resolved.")
    @APIResponse(responseCode = "200", description = "The objections", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "异议", value = "[" + Examples.OBJECTION + "]")))
    public List<ObjectionView> list(@PathParam("id") UUID id) {
        honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id));
        return objections.of(id).stream().map(ObjectionView::of).toList();
    }

    @GET
    @AuditedRead
    @Path("{objectionId}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取异议 (get an objection)", description = "One objection to the honor.")
    @APIResponse(responseCode = "200", description = "The objection", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "异议", value = Examples.OBJECTION)))
    public ObjectionView get(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId) {
        return ObjectionView.of(objections.find(id, objectionId).orElseThrow(() -> ProblemException.notFound("异议 (objection)", objectionId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "登记异议 (record an objection)", description = "Records an objection to a PUBLICIZING honor, received on a day of "
            + "its window (today when receivedOn is absent), named or anonymous. Until it is resolved the honor cannot be conferred. "
            + "The ETag of the answer is the honor's new version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "匿名异议", value = "{\"content\":\"反映被提名人所述志愿服务时长与实际不符\",\"receivedOn\":\"2020-03-23\"}"),
            @ExampleObject(name = "实名异议", value = "{\"objector\":\"李建国\",\"objectorContact\":\"13800000000\","
                    + "\"content\":\"反映被提名人所述志愿服务时长与实际不符\"}") }))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "异议", value = Examples.OBJECTION)))
    @APIResponse(responseCode = "409", description = "The honor is not PUBLICIZING, or the day is outside its window")
    @APIResponse(responseCode = "412", description = "If-Match (the honor's ETag) is stale")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid ObjectionInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") @Parameter(description = Examples.IDEMPOTENCY) String key) {
        var objection = new ObjectionService.RecordObjection(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name(), key);
        return Answers.of(objections.record(objection, outcome -> Answers.created(idempotency,
                "/api/v1/honors/" + id + "/objections/" + outcome.objection().id, ObjectionView.of(outcome.objection()), outcome.honor().version)));
    }

    @POST
    @Path("{objectionId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "处理异议 (resolve an objection)", description = "UPHELD (异议成立) withdraws the nomination; DISMISSED (异议不成立) "
            + "lets it proceed. A resolved objection stays resolved. The ETag of the answer is the honor's new version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "异议不成立", value = "{\"resolution\":\"DISMISSED\",\"note\":\"经核实，服务时长有街道志愿服务记录为证，异议不成立\"}"),
            @ExampleObject(name = "异议成立", value = "{\"resolution\":\"UPHELD\",\"note\":\"经核实，所述事迹与实际不符，撤回提名\"}") }))
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "异议", value = Examples.OBJECTION)))
    @APIResponse(responseCode = "409", description = "Resolved already")
    @APIResponse(responseCode = "412", description = "If-Match (the honor's ETag) is stale")
    public Response resolve(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId, @NotNull @Valid ResolutionInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        var outcome = objections.resolve(id, objectionId, ExpectedVersion.ofIfMatch(ifMatch), input.resolution(), input.note(), caller.name());
        return Answers.ok(ObjectionView.of(outcome.objection()), outcome.honor().version);
    }
}
