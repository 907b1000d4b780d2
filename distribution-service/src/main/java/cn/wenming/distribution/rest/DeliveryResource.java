package cn.wenming.distribution.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Caller;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.service.DeliveryService;

/**
 * Deliveries: one copy of a dispatch to one recipient body. A recipient body's system (role
 * {@code recipient}) sees and signs for its own only; another body's delivery is a 404 to it, so its
 * id is never confirmed. The office's staff see all.
 */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(operationId = "listDeliveries")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DeliveryView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("status") String status,
            @QueryParam("organizationId") String organizationId) {
        Sort order = Sort.parse(sort, DeliveryService.SORTABLE, DeliveryService.DEFAULT_SORT);
        DeliveryStatus wanted = Params.enumValue(DeliveryStatus.class, status, "status");
        UUID organization = Params.uuid(organizationId, "organizationId");
        Optional<UUID> own = caller.recipientBody();
        if (own.isPresent() && organization != null && !organization.equals(own.get())) {
            return new Page<>(java.util.List.of(), null);   // another body's deliveries: nothing, and nothing confirmed
        }
        var request = page.toRequest(order.spec());
        return Page.of(deliveries.list(request, order, own.orElse(organization), wanted), request, d -> d.createdAt.toString(), d -> d.id,
                d -> DeliveryView.of(d, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(operationId = "getDelivery")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(deliveries.find(id, caller.recipientBody()).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(operationId = "acknowledgeDelivery")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response acknowledge(@PathParam("id") UUID id) {
        return ok(deliveries.acknowledge(id, caller.name(), caller.recipientBody()).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/mark-sent")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "markDeliverySent")
    @APIResponse(responseCode = "200", description = "Recorded as SENT", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response markSent(@PathParam("id") UUID id) {
        return ok(deliveries.markSent(id, caller.name()).orElseThrow(() -> notFound(id)));
    }

    private Response ok(Delivery d) {
        return Response.ok(DeliveryView.of(d, deliveries.attempts(d.id))).tag(ETags.of(d.version)).build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("分发明细 (delivery)", id);
    }
}
