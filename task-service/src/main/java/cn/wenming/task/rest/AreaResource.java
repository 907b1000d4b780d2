package cn.wenming.task.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.service.AreaService;
import cn.wenming.task.service.AreaInput;
import cn.wenming.common.version.ExpectedVersion;

/** The areas (方面) of a plan, in order: 第一, 第二, ... */
@Path("/api/v1/work-plans/{id}/areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

    @Inject
    AreaService areas;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The areas", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<AreaView> list(@PathParam("id") UUID id) {
        return areas.list(id).stream().map(AreaView::of).toList();
    }

    @GET
    @Path("{areaId}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The area", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId) {
        return ok(areas.find(id, areaId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Added; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@PathParam("id") UUID id, @NotNull @Valid AreaInput input) {
        PlanArea a = areas.create(id, input);
        return Response.created(URI.create("/api/v1/work-plans/" + id + "/areas/" + a.id)).tag(ETags.of(a.version))
                .entity(AreaView.of(a)).build();
    }

    @PUT
    @Path("{areaId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId, @NotNull @Valid AreaInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(areas.update(id, areaId, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @DELETE
    @Path("{areaId}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId,
            @HeaderParam("If-Match") String ifMatch) {
        areas.delete(id, areaId, ExpectedVersion.ofIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The areas in their new order", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response reorder(@PathParam("id") UUID id, @NotNull @Valid AreaOrderInput input,
            @HeaderParam("If-Match") String ifMatch) {
        List<PlanArea> ordered = areas.reorder(id, ExpectedVersion.ofIfMatch(ifMatch), input.areaIds());
        long version = ordered.isEmpty() ? 0 : ordered.get(0).plan.version;
        return Response.ok(ordered.stream().map(AreaView::of).toList()).tag(ETags.of(version)).build();
    }

    private static Response ok(PlanArea a) {
        return Response.ok(AreaView.of(a)).tag(ETags.of(a.version)).build();
    }
}
