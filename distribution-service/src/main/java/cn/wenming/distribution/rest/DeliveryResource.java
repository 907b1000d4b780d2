package cn.wenming.distribution.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.service.DeliveryService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "分发 Dispatches")
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "读取一份分发 (get a delivery)", description = "The delivery with every attempt: time, outcome, HTTP status and error.")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "中央文明办", value = DispatchResource.DELIVERY_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(deliveries.find(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({ Roles.SERVICE, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "签收 (acknowledge)",
            description = "The receiving system (a token of role service) or an operator (editor, admin) records that the recipient signed "
                    + "for it: SENT → ACKNOWLEDGED. Acknowledging again changes nothing; a PENDING or FAILED delivery is a 409.")
    @APIResponse(responseCode = "200", description = "Acknowledged", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "签收", value = DispatchResource.DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not SENT yet, or FAILED")
    public Response acknowledge(@PathParam("id") UUID id) {
        return ok(deliveries.acknowledge(id, identity.getPrincipal().getName()).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/mark-sent")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "登记纸质送达 (record a paper hand-over)",
            description = "An operator records that a PAPER (or, while e-mail is not sent by the service, EMAIL) delivery was handed over: "
                    + "PENDING → SENT. Webhook deliveries are sent by the service (409).")
    @APIResponse(responseCode = "200", description = "Recorded as SENT", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "各区文明办", value = DispatchResource.DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A webhook delivery, or not PENDING")
    public Response markSent(@PathParam("id") UUID id) {
        return ok(deliveries.markSent(id, identity.getPrincipal().getName()).orElseThrow(() -> notFound(id)));
    }

    private Response ok(Delivery d) {
        return Response.ok(DeliveryView.of(d, deliveries.attempts(d.id))).tag(ETags.of(d.version)).build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("分发明细 (delivery)", id);
    }
}
