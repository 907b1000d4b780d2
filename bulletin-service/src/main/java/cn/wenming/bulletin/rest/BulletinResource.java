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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
 * back; their documentation is in META-INF/openapi.yaml (issue 19). Over 300 lines, for a reason: its
 * endpoints stay in this one class because the OpenAPI operationIds are {@code Class_method}
 * (BulletinResource_publish), named in the committed documents and in the audit trail's records.
 */
@Path("/api/v1/bulletins")
@Produces(MediaType.APPLICATION_JSON)
public class BulletinResource {

    static final String SORT = "-issueDate";

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
    @APIResponse(responseCode = "200", description = "One page of summaries", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<BulletinSummary> list(@BeanParam PageParams page,
            @QueryParam("seriesId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String seriesId,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = BulletinStatus.class)) String status,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("sort") String sort) {
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
    @APIResponse(responseCode = "200", description = "The issue", content = { @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MediaType.TEXT_PLAIN) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Uni<Response> get(@PathParam("id") UUID id, @Context Request request, @Context HttpHeaders headers) {
        return served(id, request, layoutFor(headers.getAcceptableMediaTypes()));
    }

    @GET
    @Path("{id}/render")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "The issue in that format", content = { @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MediaType.TEXT_PLAIN) })
    public Uni<Response> render(@PathParam("id") UUID id, @Context Request request,
            @QueryParam("format") String format) {
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
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        bulletins.find(id, true).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
        return bulletins.revisions(id).stream().map(RevisionView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid BulletinInput input,
            @HeaderParam("Idempotency-Key") String key) {
        return bulletins.create(new BulletinService.Create(input, key, caller.name()), this::created).toResponse();
    }

    @POST
    @Path("historical")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created as PUBLISHED", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response createHistorical(@NotNull @Valid HistoricalInput input,
            @HeaderParam("Idempotency-Key") String key) {
        return bulletins.createHistorical(new BulletinService.CreateHistorical(input, key, caller.name()), this::created).toResponse();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The edited draft with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid BulletinInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(bulletins.update(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name()));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(submission.submit(id, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.approve(id, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response returnToEditor(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(workflow.returnToEditor(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason(), caller.name()));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @RequestBody(required = false) // no body publishes now; the scan would otherwise mark it required
    @APIResponse(responseCode = "200", description = "Published (or scheduled)", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response publish(@PathParam("id") UUID id, @Valid PublishInput input,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String key) {
        var at = input == null ? null : input.publishAt();
        return publication.publish(new Publish(id, ExpectedVersion.ofIfMatch(ifMatch), at, key, caller.name()), this::current).toResponse();
    }

    @POST
    @Path("{id}/recall")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Recalled", content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
