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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.service.AreaService;
import cn.wenming.task.service.AreaInput;
import cn.wenming.common.version.ExpectedVersion;

/** The areas (方面) of a plan, in order: 第一, 第二, ... */
@Path("/api/v1/work-plans/{id}/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "方面 Areas", description = "The areas of a plan in order (第一…); added, removed and reordered while the plan is a DRAFT")
public class AreaResource {

    private static final String DRAFT_ONLY = "工作要点当前为 ACTIVE，编号与方面顺序已冻结 (the plan is ACTIVE: the order of areas is frozen)";

    @Inject
    AreaService areas;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出方面 (list the areas)", description = "The plan's areas in order, 第一 first.")
    @APIResponse(responseCode = "200", description = "The areas", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "areas", value = "[" + Examples.AREA + "]")))
    public List<AreaView> list(@PathParam("id") UUID id) {
        return areas.list(id).stream().map(AreaView::of).toList();
    }

    @GET
    @Path("{areaId}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取方面 (get an area)", description = "One area of the plan, with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The area", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "area", value = Examples.AREA)))
    public Response get(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId) {
        return ok(areas.find(id, areaId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "添加方面 (add an area)", description = "Adds an area to a DRAFT plan, last or at ?position (the areas from "
            + "there on move down, their tasks renumbered to follow).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第一", value = Examples.AREA_INPUT)))
    @APIResponse(responseCode = "201", description = "Added; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "area", value = Examples.AREA)))
    @APIResponse(responseCode = "409", description = DRAFT_ONLY)
    public Response create(@PathParam("id") UUID id, @NotNull @Valid AreaInput input) {
        PlanArea a = areas.create(id, input);
        return Response.created(URI.create("/api/v1/work-plans/" + id + "/areas/" + a.id)).tag(ETags.of(a.version))
                .entity(AreaView.of(a)).build();
    }

    @PUT
    @Path("{areaId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "修改方面 (edit an area)", description = "Replaces title and description (not in a CLOSED plan); a position "
            + "other than its own moves the area, in a DRAFT only. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "第一", value = Examples.AREA_INPUT)))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "area", value = Examples.AREA)))
    @APIResponse(responseCode = "409", description = DRAFT_ONLY)
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response update(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId, @NotNull @Valid AreaInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(areas.update(id, areaId, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @DELETE
    @Path("{areaId}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "删除方面 (remove an area)", description = "Removes an area without tasks from a DRAFT plan; the areas after "
            + "it move up. An area with tasks is a 409. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "第二个方面下还有 4 项任务，请先删除或移走 (the area still has 4 tasks)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response delete(@PathParam("id") UUID id, @PathParam("areaId") UUID areaId,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        areas.delete(id, areaId, ExpectedVersion.ofIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "调整方面顺序 (reorder the areas)", description = "Every area id of the DRAFT plan, each once, in the new order; "
            + "the tasks are renumbered 1..N to follow. If-Match is the plan's ETag; the answer carries the plan's new one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "顺序",
            value = "{\"areaIds\":[\"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"1a6b0c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d\"]}")))
    @APIResponse(responseCode = "200", description = "The areas in their new order", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "areas", value = "[" + Examples.AREA + "]")))
    @APIResponse(responseCode = "409", description = DRAFT_ONLY)
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response reorder(@PathParam("id") UUID id, @NotNull @Valid AreaOrderInput input,
            @HeaderParam("If-Match") @Parameter(description = "The plan's ETag as last read; a stale one is a 412") String ifMatch) {
        List<PlanArea> ordered = areas.reorder(id, ExpectedVersion.ofIfMatch(ifMatch), input.areaIds());
        long version = ordered.isEmpty() ? 0 : ordered.get(0).plan.version;
        return Response.ok(ordered.stream().map(AreaView::of).toList()).tag(ETags.of(version)).build();
    }

    private static Response ok(PlanArea a) {
        return Response.ok(AreaView.of(a)).tag(ETags.of(a.version)).build();
    }
}
