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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

@Path("/api/v1/decision-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "决定文件 Decision documents", description = "Documents that confer or name many honors at once, e.g. 《关于表彰第七届首都道德模范的决定》")
public class DecisionDocumentResource {

    static final String SORT = "-issuedOn";
    private static final String RESULT_EXAMPLE = "{\"decisionDocument\":" + Examples.DOCUMENT
            + ",\"honorIds\":[\"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f\"]}";

    @Inject
    DecisionDocumentService documents;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出决定文件 (list decision documents)", description = "Newest first (?sort=issuedOn for oldest first), "
            + "each with how many of its honors stand in each status; ?programId= keeps one program's.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + Examples.DOCUMENT + "]}")))
    public Page<DecisionDocumentView> list(@BeanParam PageParams page,
            @QueryParam("programId") @Parameter(description = "Only this program's documents",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String programId,
            @QueryParam("sort") @Parameter(description = "-issuedOn (default) or issuedOn", example = "-issuedOn") String sort) {
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
    @Operation(summary = "读取决定文件 (get a decision document)", description = "The document, how many of its honors stand in each status "
            + "(GET /api/v1/honors?decisionDocumentId= lists them), and its version as ETag.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = Examples.DOCUMENT)))
    public Response get(@PathParam("id") UUID id) {
        return ok(documents.find(id).orElseThrow(() -> ProblemException.notFound("决定文件 (decision document)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "登记决定文件 (record a decision document)", description = "Records a document as issued: its date is not in the "
            + "future and is the conferral date of the honors it confers. A document number (文号) is unique: a second document with it "
            + "is a 409. With programId, it names honors of that program only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "关于表彰第七届首都道德模范的决定", value = Examples.DOCUMENT_INPUT),
            @ExampleObject(name = "关于命名背街小巷环境整治提升和深化文明创建先进典型的通报", value = Examples.BACK_STREET_DOCUMENT_INPUT) }))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "409", description = "The document number is taken, or the Idempotency-Key was used for another request")
    public Response create(@NotNull @Valid DecisionDocumentInput input,
            @HeaderParam("Idempotency-Key") @Parameter(description = Examples.IDEMPOTENCY) String key) {
        return Answers.of(documents.create(new DecisionDocumentService.CreateDocument(input, caller.name(), key),
                d -> Answers.created(idempotency, "/api/v1/decision-documents/" + d.id, view(d), d.version)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "更正决定文件 (correct a decision document)", description = "Replaces title, number, date, issuer and program, "
            + "until the document has conferred an honor: from then on it is on record (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "更正文号", value = Examples.DOCUMENT_INPUT)))
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "409", description = "The document has conferred honors, or the number is taken")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid DecisionDocumentInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(documents.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/honors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "列入荣誉 (name honors in the document)", description = "Names up to 500 honors, NOMINATED or PUBLICIZING, in the "
            + "document (an honor another document named moves to this one). All or none: an unknown id, a repeated id or an honor of "
            + "another program is a 400 naming its index; a conferred, withdrawn or revoked one a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "列入",
            value = "{\"honorIds\":[\"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f\",\"7f3a1c9e-2d4b-4e6f-8a0c-1b3d5f7a9c2e\"]}")))
    @APIResponse(responseCode = "200", description = "Named; the document with its new counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "409", description = "An honor is past conferral: the problem names its status")
    @APIResponse(responseCode = "412", description = "If-Match (the document's ETag) is stale")
    public Response attach(@PathParam("id") UUID id, @NotNull @Valid HonorIdsInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(documents.attach(id, ExpectedVersion.ofIfMatch(ifMatch), input.honorIds(), caller.name()));
    }

    @POST
    @Path("{id}/publicize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "集中公示 (publicize all its nominations)", description = "Every NOMINATED honor of the document → PUBLICIZING with one "
            + "window of at least 5 days, both ends counted. 409 when it names none.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "公示期", value = Examples.WINDOW)))
    @APIResponse(responseCode = "200", description = "The document and the honors that moved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "公示", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "No NOMINATED honor")
    @APIResponse(responseCode = "412", description = "If-Match (the document's ETag) is stale")
    public Response publicize(@PathParam("id") UUID id, @NotNull @Valid PublicityInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        List<Honor> moved = documents.publicize(id, ExpectedVersion.ofIfMatch(ifMatch), input.startDate(), input.endDate(), caller.name());
        return result(id, moved);
    }

    @POST
    @Path("{id}/confer")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "依据文件授予 (confer all its honors)", description = "Every honor the document names that is not conferred, withdrawn or "
            + "revoked → CONFERRED at once, on the document's date, or none: each must be PUBLICIZING, past its window (Asia/Shanghai), "
            + "with every objection resolved, and the document dated after its window. The 409 names each honor that stops it and why.")
    @APIResponse(responseCode = "200", description = "The document and the honors conferred", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "授予", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Nothing to confer, or an honor cannot be conferred (none was)")
    @APIResponse(responseCode = "412", description = "If-Match (the document's ETag) is stale")
    public Response confer(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") @Parameter(description = Examples.IDEMPOTENCY) String key) {
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
