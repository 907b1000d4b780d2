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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

@Path("/api/v1/honors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "荣誉 Honors", description = "Nominations and honors: NOMINATED → PUBLICIZING (公示) → CONFERRED, or WITHDRAWN; "
        + "CONFERRED → REVOKED; the review (复查) of unit titles. Staff only: the public sees the honor roll.")
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
    @Operation(summary = "列出荣誉 (list honors)", description = "A page of honors in every status, newest first (?sort=createdAt for oldest first). "
            + "Filters: programId, session, year, category, district, recipientKind, status, decisionDocumentId, and expiresBefore "
            + "(unit titles lapsing before that day: the ones due for review, 复查).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + Examples.HONOR + "]}")))
    public Page<HonorView> list(@BeanParam PageParams page, @BeanParam RollFilterParams filter,
            @QueryParam("status") @Parameter(description = "Only this status", schema = @Schema(implementation = HonorStatus.class)) String status,
            @QueryParam("decisionDocumentId") @Parameter(description = "Only the honors this decision document names",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String decisionDocumentId,
            @QueryParam("expiresBefore") @Parameter(description = "Only unit titles lapsing before this day", example = "2023-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String expiresBefore,
            @QueryParam("sort") @Parameter(description = "-createdAt (default) or createdAt", example = "-createdAt") String sort) {
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
    @Operation(summary = "读取荣誉 (get an honor)", description = "The honor with its status, publicity window, decision document, "
            + "expiry and the number of unresolved objections; its version is the ETag.")
    @APIResponse(responseCode = "200", description = "The honor", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    public Response get(@PathParam("id") UUID id) {
        return ok(honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id)));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "荣誉档案 (the honor's record)", description = "Every step, oldest first: who, when, what, the status before and after, "
            + "and why. Nothing is ever removed from it, also not when the honor is withdrawn or revoked.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "record", value = "[{\"id\":\"0c6f1e2a-4b3d-4e5f-8a9b-1c2d3e4f5a6b\",\"at\":\"2020-04-17T10:00:00+08:00\","
                    + "\"actor\":\"田文松\",\"action\":\"confer\",\"fromStatus\":\"PUBLICIZING\",\"toStatus\":\"CONFERRED\","
                    + "\"note\":\"《关于表彰第七届首都道德模范的决定》 京文明委〔2020〕3号\"}]")))
    public List<HonorEventView> history(@PathParam("id") UUID id) {
        honors.find(id).orElseThrow(() -> ProblemException.notFound("荣誉 (honor)", id));
        return honors.history(id).stream().map(HonorEventView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "提名 (nominate)", description = "Creates a NOMINATED honor. The program decides the rest: a session (第N届) or a year, "
            + "one of its categories, one of its levels (AWARD, or NOMINATION for 提名奖), and its kind of recipient (a PERSON with "
            + "gender; or a body). The district is one of Beijing's sixteen. A recipient holds a program's session or year once: "
            + "a second nomination is a 409 (a withdrawn one does not count).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "第七届首都道德模范", value = Examples.HONOR_INPUT),
            @ExampleObject(name = "文明单位", value = Examples.UNIT_INPUT) }))
    @APIResponse(responseCode = "201", description = "Nominated; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "The recipient already holds or is nominated for the program's session or year, or the Idempotency-Key was used for another request")
    public Response nominate(@NotNull @Valid HonorInput input,
            @HeaderParam("Idempotency-Key") @Parameter(description = Examples.IDEMPOTENCY) String key) {
        return Answers.of(nominations.nominate(new NominationService.Nominate(input, caller.name(), key),
                h -> Answers.created(idempotency, "/api/v1/honors/" + h.id, view(h), h.version)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "修改提名 (edit a nomination)", description = "Replaces what the nomination says, under the same rules as nominating; "
            + "only while NOMINATED (once publicized, what was publicized is what is conferred).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第七届首都道德模范", value = Examples.HONOR_INPUT)))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Not NOMINATED (the problem names the status), or a duplicate")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid HonorInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(nominations.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/publicize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "公示 (publicize)", description = "NOMINATED → PUBLICIZING for a window of at least 5 days, both ends counted "
            + "(2020-03-20 to 2020-03-24 is the shortest from the 20th). Objections are taken during the window; the honor can be "
            + "conferred from the day after its end. A window held earlier may be recorded with its past dates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "公示期", value = Examples.WINDOW)))
    @APIResponse(responseCode = "200", description = "Publicizing", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Not NOMINATED: the problem names the status")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response publicize(@PathParam("id") UUID id, @NotNull @Valid PublicityInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(honors.publicize(id, ExpectedVersion.ofIfMatch(ifMatch), input.startDate(), input.endDate(), caller.name()));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "撤回提名 (withdraw)", description = "NOMINATED or PUBLICIZING → WITHDRAWN, with a reason. The honor stays on record; "
            + "the recipient may be nominated again for the same session or year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "撤回",
            value = "{\"reason\":\"本人申请撤回提名\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Conferred, revoked or withdrawn already: the problem names the status")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(honors.withdraw(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/confer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "授予 (confer)", description = "PUBLICIZING → CONFERRED by a decision document (the one given, or the one the honor "
            + "names), only after the publicity window has ended (Asia/Shanghai) and with every objection resolved; the document must "
            + "be dated after the window. The conferral date is the document's; a unit title lapses its program's term later. "
            + "To confer all honors of a document at once, use POST /api/v1/decision-documents/{id}/confer.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "依据决定",
            value = "{\"decisionDocumentId\":\"9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13\"}")))
    @APIResponse(responseCode = "200", description = "Conferred", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Not PUBLICIZING, the window has not ended, an objection is unresolved, or the document predates the window's end")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response confer(@PathParam("id") UUID id, @Valid ConferInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") @Parameter(description = Examples.IDEMPOTENCY) String key) {
        return Answers.of(honors.confer(new HonorService.Confer(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name(), key),
                h -> Answers.current(idempotency, view(h), h.version)));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "撤销 (revoke)", description = "CONFERRED → REVOKED, with a reason. The honor stays on record and leaves the honor roll.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "撤销",
            value = "{\"reason\":\"本人存在严重违法行为，经首都文明委研究决定撤销称号\"}")))
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Not CONFERRED: the problem names the status")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response revoke(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(honors.revoke(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "复查 (review a unit title)", description = "For a CONFERRED title held for a term and not yet lapsed: RENEWED holds it "
            + "for another term, counted from the end of the current one; LAPSED ends it today, so it leaves the roll (it stays on "
            + "record). A lapsed title cannot be renewed: it is conferred anew.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "复查合格", value = "{\"outcome\":\"RENEWED\",\"note\":\"2023年复查合格，保留“文明单位”称号\"}"),
            @ExampleObject(name = "复查不合格", value = "{\"outcome\":\"LAPSED\",\"note\":\"复查不合格，取消“文明单位”称号\"}") }))
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.HONOR)))
    @APIResponse(responseCode = "409", description = "Not CONFERRED, not a title with a term, or lapsed already")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response review(@PathParam("id") UUID id, @NotNull @Valid ReviewInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(honors.review(id, ExpectedVersion.ofIfMatch(ifMatch), input.outcome(), input.note(), caller.name()));
    }

    private HonorView view(Honor h) {
        return HonorView.of(h, honors.today());
    }

    private Response ok(Honor h) {
        return Answers.ok(view(h), h.version);
    }
}
