package cn.wenming.honors.rest;

import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.service.DecisionDocumentInput;
import cn.wenming.honors.service.DecisionDocumentService;

/**
 * Routing only: the documentation of its operations (DecisionDocumentResource_*: summaries, parameters, bodies, answers and their
 * Chinese examples) is in META-INF/openapi.yaml. A success answer keeps its status, description and media type
 * here because the scan would otherwise generate an "OK" answer with a schema that overrides the file's.
 */
@Path("/api/v1/decision-documents")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionDocumentResource {

    static final String SORT = "-issuedOn";

    @Inject
    DecisionDocumentService documents;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DecisionDocumentView> list(@BeanParam PageParams page,
            @QueryParam("programId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String programId,
            @QueryParam("sort") String sort) {
        Sort order = Sort.parse(sort, Set.of("issuedOn"), SORT);
        PageRequest request = page.toRequest(order.spec());
        List<DecisionDocument> rows = documents.list(request, order.descending(), Params.uuid(programId, "programId"));
        Map<UUID, Map<HonorStatus, Long>> counts = documents.counts(rows.stream().map(d -> d.id).toList());
        return Page.of(rows, request, DecisionDocumentService::sortKey, d -> d.id,
                d -> DecisionDocumentView.of(d, counts.getOrDefault(d.id, Map.of())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(documents.find(id).orElseThrow(() -> ProblemException.notFound("决定文件 (decision document)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid DecisionDocumentInput input,
            @HeaderParam("Idempotency-Key") String key) {
        return Answers.of(documents.create(new DecisionDocumentService.CreateDocument(input, caller.name(), key),
                d -> Answers.created(idempotency, "/api/v1/decision-documents/" + d.id, view(d), d.version)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid DecisionDocumentInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(documents.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/honors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Named; the document with its new counts", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response attach(@PathParam("id") UUID id, @NotNull @Valid HonorIdsInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(documents.attach(id, ExpectedVersion.ofIfMatch(ifMatch), input.honorIds(), caller.name()));
    }

    @POST
    @Path("{id}/publicize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The document and the honors that moved", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response publicize(@PathParam("id") UUID id, @NotNull @Valid PublicityInput input,
            @HeaderParam("If-Match") String ifMatch) {
        List<Honor> moved = documents.publicize(id, ExpectedVersion.ofIfMatch(ifMatch), input.startDate(), input.endDate(), caller.name());
        return result(id, moved);
    }

    @POST
    @Path("{id}/confer")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The document and the honors conferred", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response confer(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String key) {
        var conferral = new DecisionDocumentService.ConferDocument(id, ExpectedVersion.ofIfMatch(ifMatch), caller.name(), key);
        return Answers.of(documents.confer(conferral, moved -> {
            DecisionDocument d = documents.find(id).orElseThrow();
            return Answers.current(idempotency, conferralResult(d, moved), d.version);
        }));
    }

    private Response result(UUID id, List<Honor> moved) {
        DecisionDocument d = documents.find(id).orElseThrow();
        return Answers.ok(conferralResult(d, moved), d.version);
    }

    private ConferralResult conferralResult(DecisionDocument d, List<Honor> moved) {
        return new ConferralResult(view(d), moved.stream().map(h -> h.id).toList());
    }

    private DecisionDocumentView view(DecisionDocument d) {
        return DecisionDocumentView.of(d, documents.counts(List.of(d.id)).getOrDefault(d.id, Map.of()));
    }

    private Response ok(DecisionDocument d) {
        return Answers.ok(view(d), d.version);
    }
}
