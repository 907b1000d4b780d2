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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.audit.AuditedRead;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Caller;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.honors.service.HonorService;
import cn.wenming.honors.service.ObjectionInput;
import cn.wenming.honors.service.ObjectionService;

/**
 * Routing only: the documentation of its operations (ObjectionResource_*: summaries, parameters, bodies, answers and their
 * Chinese examples) is in META-INF/openapi.yaml. A success answer keeps its status, description and media type
 * here because the scan would otherwise generate an "OK" answer with a schema that overrides the file's.
 */
@Path("/api/v1/honors/{id}/objections")
@Produces(MediaType.APPLICATION_JSON)
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
    @APIResponse(responseCode = "200", description = "The objections", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<ObjectionView> list(@PathParam("id") UUID id) {
        honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id));
        return objections.of(id).stream().map(ObjectionView::of).toList();
    }

    @GET
    @AuditedRead
    @Path("{objectionId}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The objection", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public ObjectionView get(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId) {
        return ObjectionView.of(objections.find(id, objectionId).orElseThrow(() -> ProblemException.notFound("异议 (objection)", objectionId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response record(@PathParam("id") UUID id, @NotNull @Valid ObjectionInput input,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String key) {
        var objection = new ObjectionService.RecordObjection(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name(), key);
        return Answers.of(objections.record(objection, outcome -> Answers.created(idempotency,
                "/api/v1/honors/" + id + "/objections/" + outcome.objection().id, ObjectionView.of(outcome.objection()), outcome.honor().version)));
    }

    @POST
    @Path("{objectionId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response resolve(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId, @NotNull @Valid ResolutionInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var outcome = objections.resolve(id, objectionId, ExpectedVersion.ofIfMatch(ifMatch), input.resolution(), input.note(), caller.name());
        return Answers.ok(ObjectionView.of(outcome.objection()), outcome.honor().version);
    }
}
