package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.audit.AuditedRead;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Caller;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.Params;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.service.ConferInput;
import cn.wenming.honors.service.HonorInput;
import cn.wenming.honors.service.HonorService;
import cn.wenming.honors.service.NominationService;

/**
 * Routing only: the documentation of its operations (HonorResource_*: summaries, parameters, bodies, answers and their
 * Chinese examples) is in META-INF/openapi.yaml. A success answer keeps its status, description and media type
 * here because the scan would otherwise generate an "OK" answer with a schema that overrides the file's.
 */
@Path("/api/v1/honors")
@Produces(MediaType.APPLICATION_JSON)
public class HonorResource {

    static final String SORT = "-createdAt";

    @Inject
    HonorService honors;

    @Inject
    NominationService nominations;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @AuditedRead
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<HonorView> list(@BeanParam PageParams page, @BeanParam RollFilterParams filter,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = HonorStatus.class)) String status,
            @QueryParam("decisionDocumentId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String decisionDocumentId,
            @QueryParam("expiresBefore") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String expiresBefore,
            @QueryParam("sort") String sort) {
        Sort order = Sort.parse(sort, Set.of("createdAt"), SORT);
        PageRequest request = page.toRequest(order.spec());
        var f = filter.toFilter(Params.enumValue(HonorStatus.class, status, "status"), Params.uuid(decisionDocumentId, "decisionDocumentId"),
                Params.date(expiresBefore, "expiresBefore"));
        LocalDate today = honors.today();
        return Page.of(honors.list(f, request, order.descending()), request, HonorService::sortKey, h -> h.id, h -> HonorView.of(h, today));
    }

    @GET
    @AuditedRead
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.BULLETIN_SERVICE })
    @APIResponse(responseCode = "200", description = "The honor", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id)));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<HonorEventView> history(@PathParam("id") UUID id) {
        honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id));
        return honors.history(id).stream().map(HonorEventView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Nominated; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response nominate(@NotNull @Valid HonorInput input,
            @HeaderParam("Idempotency-Key") String key) {
        return Answers.of(nominations.nominate(new NominationService.Nominate(input, caller.name(), key),
                h -> Answers.created(idempotency, "/api/v1/honors/" + h.id, view(h), h.version)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid HonorInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(nominations.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/publicize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Publicizing", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response publicize(@PathParam("id") UUID id, @NotNull @Valid PublicityInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(honors.publicize(id, ExpectedVersion.ofIfMatch(ifMatch), input.startDate(), input.endDate(), caller.name()));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(honors.withdraw(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/confer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    // the body is optional (conferral without a decision document): the scan would call it required and win over the file
    @RequestBody(required = false)
    @APIResponse(responseCode = "200", description = "Conferred", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response confer(@PathParam("id") UUID id, @Valid ConferInput input,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String key) {
        return Answers.of(honors.confer(new HonorService.Confer(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name(), key),
                h -> Answers.current(idempotency, view(h), h.version)));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response revoke(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(honors.revoke(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response review(@PathParam("id") UUID id, @NotNull @Valid ReviewInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(honors.review(id, ExpectedVersion.ofIfMatch(ifMatch), input.outcome(), input.note(), caller.name()));
    }

    private HonorView view(Honor h) {
        return HonorView.of(h, honors.today());
    }

    private Response ok(Honor h) {
        return Answers.ok(view(h), h.version);
    }
}
