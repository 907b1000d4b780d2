package cn.wenming.bulletin.rest;

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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.render.HtmlLayout;
import cn.wenming.bulletin.render.PublishedIssueCache;
import cn.wenming.bulletin.render.TextLayout;
import cn.wenming.bulletin.service.BulletinInput;
import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.bulletin.service.HistoricalInput;
import cn.wenming.bulletin.service.Publication;
import cn.wenming.bulletin.service.Publish;
import cn.wenming.bulletin.service.Submission;
import cn.wenming.bulletin.service.Workflow;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Issues over HTTP: headers, media types and status codes in, commands of the services out, views
 * back. Over 300 lines, for a reason: two thirds of it are the OpenAPI annotations and their Chinese
 * examples, which stay here until they move to a static document (issue 19); and its endpoints stay
 * in this one class because the OpenAPI operationIds are {@code Class_method} (BulletinResource_publish),
 * named in the committed documents and in the audit trail's records.
 */
@Path("/api/v1/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "简报 Bulletins", description = "Issues of a series: editing, the workflow DRAFT → SUBMITTED → APPROVED → PUBLISHED (→ RECALLED), numbering")
public class BulletinResource {

    static final String SORT = "-issueDate";
    static final String IDEMPOTENCY_DOC = "Any unique string: a retry with the same key and body returns the first answer and does nothing again";
    static final String BULLETIN_EXAMPLE = """
            {"id":"5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e","seriesId":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10",\
            "seriesTitle":"首都精神文明建设情况简报","status":"PUBLISHED","label":"2020年第17期（总第2126期）","year":2020,\
            "issueNo":17,"cumulativeNo":2126,"issueDate":"2020-04-24","editor":"梅雪峰","reviewer":"田文松",\
            "articles":[{"id":"8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37","seq":1,"title":"首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开",\
            "source":"本刊","paragraphs":["4月17日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会……"],"taskIds":[],"honorIds":[]}],\
            "distribution":{"REPORT":["中央文明办","首都文明委主任、副主任","市委、市人大、市政府、市政协"],\
            "SEND":["首都文明委委员","市委、市政府各部委办局","各总公司、高等院校","市级群众团体"],\
            "ISSUE":["各区委书记、区长、宣传部长","各区文明办","有关新闻单位"]},"distributionLists":{},"additions":[],\
            "historical":true,"publishedAt":"2020-04-24T00:00:00+08:00","createdBy":"admin","createdAt":"2026-11-25T11:00:00+08:00",\
            "updatedAt":"2026-11-25T11:00:00+08:00","version":0}""";
    static final String INPUT_EXAMPLE = """
            {"seriesId":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10","issueDate":"2020-04-24","editor":"梅雪峰","reviewer":"田文松",\
            "printRun":300,"articles":[{"title":"首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开","source":"本刊",\
            "paragraphs":["4月17日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会……"]}],\
            "distribution":{"REPORT":["中央文明办"],"SEND":["首都文明委委员"],"ISSUE":["各区文明办"]},"additions":["北京日报社"]}""";

    @Inject
    BulletinService bulletins;

    @Inject
    Workflow workflow;

    @Inject
    Submission submission;

    @Inject
    Publication publication;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    BulletinConfig config;

    @Inject
    HtmlLayout html;

    @Inject
    PublishedIssueCache published;

    @Inject
    Vertx vertx;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "列出简报 (list issues)", description = "Newest first (by issue date; ?sort=issueDate for oldest first). Readers see PUBLISHED issues only. "
            + "Filters: seriesId, year, status, from and to (issue date, inclusive).")
    @APIResponse(responseCode = "200", description = "One page of summaries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[{\"id\":\"5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e\","
                    + "\"seriesId\":\"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10\",\"status\":\"PUBLISHED\",\"label\":\"2020年第17期（总第2126期）\","
                    + "\"year\":2020,\"issueNo\":17,\"cumulativeNo\":2126,\"issueDate\":\"2020-04-24\",\"editor\":\"梅雪峰\",\"version\":0}]}")))
    public Page<BulletinSummary> list(@BeanParam PageParams page,
            @QueryParam("seriesId") @Parameter(description = "Only this series", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String seriesId,
            @QueryParam("year") @Parameter(description = "Only this year of the issue number", example = "2020", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("status") @Parameter(description = "Only this status (readers: PUBLISHED only)", schema = @Schema(implementation = BulletinStatus.class)) String status,
            @QueryParam("from") @Parameter(description = "Issue date from", example = "2020-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Issue date to", example = "2020-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("sort") @Parameter(description = "-issueDate (default, newest first) or issueDate", example = "-issueDate") String sort) {
        Sort order = Sort.parse(sort, Set.of("issueDate"), SORT);
        PageRequest request = page.toRequest(order.spec());
        var filter = new BulletinService.Filter(Params.uuid(seriesId, "seriesId"), Params.integer(year, "year"),
                Params.enumValue(BulletinStatus.class, status, "status"), Params.date(from, "from"), Params.date(to, "to"));
        return Page.of(bulletins.list(filter, request, order.descending(), caller.staff()), request, BulletinService::sortKey, b -> b.id, BulletinSummary::of);
    }

    @GET
    @Path("{id}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT, Roles.DISTRIBUTION_SERVICE })
    @Operation(summary = "读取一期简报 (get an issue)", description = "The issue with its articles, as JSON; with Accept: text/html "
            + "the printed layout (red masthead, A4), with Accept: text/plain the plain-text layout of the printed bulletin. "
            + "A published issue never changes: it carries Cache-Control, and If-None-Match with its ETag answers 304. "
            + "Readers get 404 for anything not PUBLISHED.")
    @APIResponse(responseCode = "200", description = "The issue", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第17期", value = BULLETIN_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "版式", value = "<!DOCTYPE html><html lang=\"zh-CN\">…首都精神文明建设情况简报…第17期…</html>")),
            @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "文本", value = "首都精神文明建设情况简报\n\n第17期\n\n(总第2126期)\n\n首都精神文明办\n\n2020年4月24日\n\n…")) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Uni<Response> get(@PathParam("id") UUID id, @Context Request request, @Context HttpHeaders headers) {
        return served(id, request, layoutFor(headers.getAcceptableMediaTypes()));
    }

    @GET
    @Path("{id}/render")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "版式 (the printed layout)", description = "As GET /bulletins/{id} with format=html (the printed layout, "
            + "printable from a browser), text (the plain-text layout) or json, for links and clients that cannot set Accept.")
    @APIResponse(responseCode = "200", description = "The issue in that format", content = {
            @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "版式", value = "<!DOCTYPE html><html lang=\"zh-CN\">…</html>")),
            @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "文本", value = "首都精神文明建设情况简报\n\n第17期\n\n…")) })
    public Uni<Response> render(@PathParam("id") UUID id, @Context Request request,
            @QueryParam("format") @Parameter(description = "html (default), text or json", example = "html") String format) {
        Layout layout = format == null || format.isBlank() ? Layout.html : Params.enumValue(Layout.class, format, "format");
        return served(id, request, layout);
    }

    /** The forms an issue is shown in. */
    public enum Layout {
        json, html, text
    }

    /** JSON unless the client prefers HTML or plain text over it (a browser does; {@code *}/{@code *} does not). */
    static Layout layoutFor(List<MediaType> acceptable) {
        for (MediaType m : acceptable) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) || m.isWildcardType()) {
                return Layout.json;
            }
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardSubtype()) {
                return Layout.html;
            }
            if (m.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !m.isWildcardSubtype()) {
                return Layout.text;
            }
        }
        return Layout.json;
    }

    /**
     * A kept published issue is answered right here on the I/O thread: the mobile apps' main read
     * then costs no hand-over to a worker thread. Anything else is read from the database on a
     * worker thread (Vert.x executeBlocking keeps the request's context: caller, transaction).
     */
    private Uni<Response> served(UUID id, Request request, Layout layout) {
        if (layout == Layout.json) {
            PublishedIssueCache.Entry kept = published.get(id);
            if (kept != null) {
                return Uni.createFrom().item(answer(request, new EntityTag(Long.toString(kept.version())), true, kept.json(),
                        MediaType.APPLICATION_JSON_TYPE));
            }
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> rendered(id, request, layout)));
    }

    private Response rendered(UUID id, Request request, Layout layout) {
        if (layout == Layout.json) {
            PublishedIssueCache.Entry stored = published.stored(id);
            if (stored != null) {
                return answer(request, new EntityTag(Long.toString(stored.version())), true, stored.json(), MediaType.APPLICATION_JSON_TYPE);
            }
        }
        Bulletin b = bulletins.find(id, caller.staff()).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
        EntityTag tag = new EntityTag(b.version + (layout == Layout.json ? "" : "-" + layout));
        boolean isPublished = b.status == BulletinStatus.PUBLISHED;
        return switch (layout) {
            case html -> answer(request, tag, isPublished, html.render(b), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            case text -> answer(request, tag, isPublished, TextLayout.render(b), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"));
            case json -> answer(request, tag, isPublished, published.keep(b, BulletinView.of(b)), MediaType.APPLICATION_JSON_TYPE);
        };
    }

    /** The issue in one form with its ETag, or a 304; a published issue may be kept by the client (private). */
    private Response answer(Request request, EntityTag tag, boolean isPublished, Object body, MediaType type) {
        CacheControl cache = new CacheControl();
        if (isPublished) {
            cache.setPrivate(true);
            cache.setMaxAge((int) config.publishedMaxAge().toSeconds());
        } else {
            cache.setNoCache(true);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(body, type).tag(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @GET
    @Path("{id}/revisions")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "修订记录 (revisions)", description = "Every change of the issue, oldest first: who, when, what, each field before and after.")
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "revisions", value = "[{\"id\":\"0c6f1e2a-4b3d-4e5f-8a9b-1c2d3e4f5a6b\",\"at\":\"2020-04-23T16:02:11+08:00\","
                    + "\"actor\":\"田文松\",\"action\":\"return\",\"changes\":[{\"field\":\"status\",\"before\":\"SUBMITTED\",\"after\":\"DRAFT\"},"
                    + "{\"field\":\"statusReason\",\"before\":null,\"after\":\"第二篇文章标题需与工作要点一致\"}]}]")))
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        bulletins.find(id, true).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
        return bulletins.revisions(id).stream().map(RevisionView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "新建一期草稿 (create a draft)", description = "Creates a DRAFT. Its numbers are assigned when it is published.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "草稿", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "draft", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    public Response create(@NotNull @Valid BulletinInput input,
            @HeaderParam("Idempotency-Key") @Parameter(description = IDEMPOTENCY_DOC) String key) {
        return bulletins.create(new BulletinService.Create(input, key, caller.name()), this::created).toResponse();
    }

    @POST
    @Path("historical")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "录入往期简报 (enter a back issue)", description = "A back issue with its printed numbers, stored as PUBLISHED. "
            + "An issue number of that year or a cumulative number already taken in the series is a 409; the next published issue "
            + "continues after the highest number.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第17期",
            value = "{\"seriesId\":\"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10\",\"issueNo\":17,\"cumulativeNo\":2126,\"issueDate\":\"2020-04-24\","
                    + "\"editor\":\"梅雪峰\",\"reviewer\":\"田文松\",\"articles\":[{\"title\":\"2020年首都精神文明建设工作 聚焦四个方面 23项重点任务\","
                    + "\"source\":\"本刊\",\"paragraphs\":[\"2020年是全面建成小康社会和“十三五”规划收官之年……\"]}],"
                    + "\"distribution\":{\"REPORT\":[\"中央文明办\"],\"SEND\":[\"首都文明委委员\"],\"ISSUE\":[\"各区文明办\"]}}")))
    @APIResponse(responseCode = "201", description = "Created as PUBLISHED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第17期", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The number is taken")
    public Response createHistorical(@NotNull @Valid HistoricalInput input,
            @HeaderParam("Idempotency-Key") @Parameter(description = IDEMPOTENCY_DOC) String key) {
        return bulletins.createHistorical(new BulletinService.CreateHistorical(input, key, caller.name()), this::created).toResponse();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "修改草稿 (edit a draft)", description = "Replaces the draft's content. Articles keep their ids by position. "
            + "Only a DRAFT can be edited (409 otherwise).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "草稿", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The edited draft with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "draft", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not a DRAFT")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid BulletinInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(bulletins.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "送审 (submit)", description = "DRAFT → SUBMITTED. The issue needs at least one article, and every task "
            + "(taskIds) and honor (honorIds) its articles name must exist in task-service and honors-service.")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "submitted", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No article, or a task or honor that does not exist: each is named "
            + "(errors[].field such as articles[0].taskIds[1])")
    @APIResponse(responseCode = "409", description = "Not a DRAFT: the problem names the current status")
    @APIResponse(responseCode = "503", description = "task-service or honors-service could not be reached to check the references; "
            + "the issue stays a DRAFT: submit again later")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(submission.submit(id, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "核稿通过 (approve)", description = "SUBMITTED → APPROVED, by a reviewer who did not submit it (four eyes: 403 otherwise).")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "approved", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The reviewer submitted it, or the role may not approve")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED: the problem names the current status")
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.approve(id, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "退回修改 (return to the editor)", description = "SUBMITTED → DRAFT, with a reason.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "退回",
            value = "{\"reason\":\"第二篇文章标题需与工作要点一致\"}")))
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "returned", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not SUBMITTED: the problem names the current status")
    public Response returnToEditor(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.returnToEditor(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "印发 (publish or schedule)", description = "APPROVED → PUBLISHED now, assigning the next issue number of the "
            + "issue date's year and the next cumulative number of the series; or, with publishAt in the future, scheduled: "
            + "it publishes itself then, also after a restart. The body is optional. Publication takes the 报/送/发 names from the "
            + "issue's distribution lists (keeping the stored ones when distribution-service cannot answer) and hands the issue to "
            + "distribution-service for dispatch through an outbox: the dispatch follows within seconds, or once that service is back.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "立即印发", value = "{}"),
            @ExampleObject(name = "定时印发", value = "{\"publishAt\":\"2030-04-24T09:00:00+08:00\"}") }))
    @APIResponse(responseCode = "200", description = "Published (or scheduled)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "published", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not APPROVED: the problem names the current status")
    public Response publish(@PathParam("id") UUID id, @Valid PublishInput input,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") @Parameter(description = IDEMPOTENCY_DOC) String key) {
        var at = input == null ? null : input.publishAt();
        return publication.publish(new Publish(id, ExpectedVersion.ofIfMatch(ifMatch), at, key, caller.name()), this::current).toResponse();
    }

    @POST
    @Path("{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "撤回 (recall)", description = "PUBLISHED → RECALLED, with a reason. The issue and its numbers stay on record.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "撤回",
            value = "{\"reason\":\"文中数据有误，更正后重发\"}")))
    @APIResponse(responseCode = "200", description = "Recalled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "recalled", value = BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not PUBLISHED: the problem names the current status")
    public Response recall(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        Bulletin recalled = workflow.recall(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name());
        published.forget(id);
        return ok(recalled);
    }

    // ---- mapping ------------------------------------------------------------------------------

    private Idempotency.Answer created(Bulletin b) {
        return idempotency.created("/api/v1/bulletins/" + b.id, BulletinView.of(b), b.version);
    }

    private Idempotency.Answer current(Bulletin b) {
        return idempotency.current(BulletinView.of(b), b.version);
    }

    static Response ok(Bulletin b) {
        return Response.ok(BulletinView.of(b)).tag(ETags.of(b.version)).build();
    }

}
