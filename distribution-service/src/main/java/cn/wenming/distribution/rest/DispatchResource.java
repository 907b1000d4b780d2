package cn.wenming.distribution.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.common.web.PeerCall;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Dispatch;
import cn.wenming.distribution.service.DispatchInput;
import cn.wenming.distribution.service.DispatchService;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.security.Caller;
import cn.wenming.distribution.client.Bulletins;

@Path("/api/v1/dispatches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "分发 Dispatches", description = "The sending of a published bulletin issue to its 报/送/发 lists, and its deliveries")
public class DispatchResource {

    static final String DISPATCH_EXAMPLE = """
            {"id":"d1c0ffee-4b3a-4e2f-8a1b-9c8d7e6f5a40","bulletinId":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10","round":1,\
            "issueLabel":"第17期","title":"2020年首都精神文明建设工作 聚焦四个方面 23项重点任务",\
            "summary":"2020年是全面建成小康社会和“十三五”规划收官之年……",\
            "link":"https://wenming.gov.cn/api/v1/bulletins/3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10/render",\
            "lists":["5b1f0a9e-2c4d-4e8f-9a1b-3c5d7e9f1a2b"],"additions":[{"organizationId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","part":"ISSUE"}],"unresolved":[],\
            "acknowledgeBy":"2020-05-08T17:00:00+08:00","createdBy":"editor-梅雪峰","createdAt":"2020-04-24T10:00:00+08:00",\
            "counts":{"total":10,"pending":2,"sent":5,"acknowledged":2,"failed":1}}""";

    static final String DELIVERY_EXAMPLE = """
            {"id":"0e6a5c1d-8f3b-4d2a-9c7e-1b5f3a9d7e21","dispatchId":"d1c0ffee-4b3a-4e2f-8a1b-9c8d7e6f5a40",\
            "organizationId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","organizationName":"中央文明办","part":"REPORT",\
            "namedBy":["简报常用名单·报"],"channel":"WEBHOOK","status":"SENT","attempts":1,"sentAt":"2020-04-24T10:00:01+08:00","version":2}""";

    private static final String INPUT_EXAMPLE = """
            {"bulletinId":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10","acknowledgeBy":"2020-05-08T17:00:00+08:00"}""";

    @Inject
    DispatchService dispatches;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    Bulletins bulletins;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.BULLETIN_SERVICE })
    @Operation(operationId = "createDispatch", summary = "分发一期已印发的简报 (dispatch a published issue)",
            description = "Dispatching is the publication's consequence: bulletin-service's outbox (its own service identity) calls this "
                    + "when an issue is published, and an admin may dispatch a published issue again by its id (\"resend\": true, the next "
                    + "round). The title, summary and link (an https URL of the public site) are taken from the published issue in "
                    + "bulletin-service, and so are the recipients: its lists (each by its type: 报 REPORT, 送 SEND, 发 ISSUE) and its "
                    + "one-off additions (本期增发, by organization name; a name that names no organization is reported in `unresolved`). "
                    + "One delivery per recipient, under the highest part that named it. An issue that does not exist or is not published "
                    + "is a 409, and so is a second dispatch without \"resend\": true. With an Idempotency-Key (the outbox uses the issue's "
                    + "id) the same request again returns the first answer and does nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第17期", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Dispatched; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第17期", value = DISPATCH_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "没有这一期已印发的简报 (no published issue with this id), 此期简报已分发 (already dispatched), "
            + "nobody to send it to, or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "503", description = "bulletin-service cannot be asked for the issue now: try again later")
    public Response create(@NotNull @Valid DispatchInput input,
            @HeaderParam("Idempotency-Key") @Parameter(description = "重复提交同一请求只生效一次 (the same key and body again replays the first answer)",
                    example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") String key) {
        Bulletins.PublishedIssue issue = published(input.bulletinId());   // read before the service's transaction begins
        var command = new DispatchService.NewDispatch(input, issue, caller.name(), key);
        return dispatches.create(command, d -> idempotency.created("/api/v1/dispatches/" + d.id, view(d), d.version)).toResponse();
    }

    private Bulletins.PublishedIssue published(UUID bulletinId) {
        try {
            return bulletins.published(bulletinId).orElseThrow(() -> ProblemException.conflict(
                    "没有这一期已印发的简报 (no published issue with this id in bulletin-service): " + bulletinId));
        } catch (PeerCall.Unavailable | TimeoutException | CircuitBreakerOpenException e) {
            throw ProblemException.unavailable("简报服务暂不可用，请稍后重试 (bulletin-service cannot be asked for the issue now: try again later)");
        }
    }

    @GET
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出分发 (list dispatches)",
            description = "A page of dispatches, newest first (?sort=createdAt: oldest first), each with its counts; "
                    + "?bulletinId= keeps the rounds of one bulletin issue.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + DISPATCH_EXAMPLE + "]}")))
    public Page<DispatchView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "-createdAt (default) or createdAt", example = "-createdAt") String sort,
            @QueryParam("bulletinId") @Parameter(description = "只列出此期简报的分发 (only this bulletin issue's dispatches)",
                    example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") String bulletinId) {
        Sort order = Sort.parse(sort, DispatchService.SORTABLE, DispatchService.DEFAULT_SORT);
        var request = page.toRequest(order.spec());
        var found = dispatches.list(request, order, Params.uuid(bulletinId, "bulletinId"));
        var counts = dispatches.counts(found.stream().map(d -> d.id).toList());
        return Page.of(found, request, d -> d.createdAt.toString(), d -> d.id, d -> DispatchView.of(d, counts.get(d.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取分发 (get a dispatch)",
            description = "The dispatch with its counts: total, pending, sent, acknowledged, failed. The ETag is the dispatch's own version; "
                    + "the counts are read live.")
    @APIResponse(responseCode = "200", description = "The dispatch", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第17期", value = DISPATCH_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        Dispatch d = find(id);
        return Response.ok(view(d)).tag(ETags.of(d.version)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出分发明细 (list a dispatch's deliveries)",
            description = "A page of its deliveries by recipient name; ?status= keeps one status (PENDING, SENT, ACKNOWLEDGED, FAILED).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + DELIVERY_EXAMPLE + "]}")))
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @BeanParam PageParams page,
            @QueryParam("status") @Parameter(description = "只列出此状态 (only this status)", example = "FAILED") String status) {
        return deliveries(find(id), page, Params.enumValue(DeliveryStatus.class, status, "status"), false);
    }

    @GET
    @Path("{id}/overdue")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "逾期未签收 (who has not signed by the deadline)",
            description = "Once acknowledgeBy has passed, a page of the deliveries not ACKNOWLEDGED, by recipient name; empty before the "
                    + "deadline or without one.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + DELIVERY_EXAMPLE + "]}")))
    public Page<DeliveryView> overdue(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return deliveries(find(id), page, null, true);
    }

    @POST
    @Path("{id}/resend-failed")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "重发失败的分发 (resend to the failed only)",
            description = "FAILED deliveries go back to PENDING with fresh attempts and are sent again; the others are untouched.")
    @APIResponse(responseCode = "200", description = "The dispatch with its counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第17期", value = DISPATCH_EXAMPLE)))
    public DispatchView resendFailed(@PathParam("id") UUID id) {
        return view(dispatches.resendFailed(id).orElseThrow(() -> notFound(id)));
    }

    private Page<DeliveryView> deliveries(Dispatch d, PageParams page, DeliveryStatus status, boolean overdue) {
        var request = page.toRequest("organizationName");
        return Page.of(dispatches.deliveries(d, request, status, overdue), request, x -> x.organizationName, x -> x.id,
                x -> DeliveryView.of(x, null));
    }

    private Dispatch find(UUID id) {
        return dispatches.find(id).orElseThrow(() -> notFound(id));
    }

    private DispatchView view(Dispatch d) {
        return DispatchView.of(d, dispatches.counts(d.id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("分发 (dispatch)", id);
    }
}
