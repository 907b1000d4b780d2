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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
public class DispatchResource {

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
    @Operation(operationId = "createDispatch")
    @APIResponse(responseCode = "201", description = "Dispatched; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid DispatchInput input,
            @HeaderParam("Idempotency-Key") String key) {
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
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DispatchView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("bulletinId") String bulletinId) {
        Sort order = Sort.parse(sort, DispatchService.SORTABLE, DispatchService.DEFAULT_SORT);
        var request = page.toRequest(order.spec());
        var found = dispatches.list(request, order, Params.uuid(bulletinId, "bulletinId"));
        var counts = dispatches.counts(found.stream().map(d -> d.id).toList());
        return Page.of(found, request, d -> d.createdAt.toString(), d -> d.id, d -> DispatchView.of(d, counts.get(d.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The dispatch", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        Dispatch d = find(id);
        return Response.ok(view(d)).tag(ETags.of(d.version)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @BeanParam PageParams page,
            @QueryParam("status") String status) {
        return deliveries(find(id), page, Params.enumValue(DeliveryStatus.class, status, "status"), false);
    }

    @GET
    @Path("{id}/overdue")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DeliveryView> overdue(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return deliveries(find(id), page, null, true);
    }

    @POST
    @Path("{id}/resend-failed")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The dispatch with its counts", content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
