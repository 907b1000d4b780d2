package cn.wenming.task.rest;

import java.net.URI;
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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.service.WorkPlanService;
import cn.wenming.task.service.CopyInput;
import cn.wenming.task.service.WorkPlanInput;
import cn.wenming.common.version.ExpectedVersion;

@Path("/api/v1/work-plans")
@Produces(MediaType.APPLICATION_JSON)
public class WorkPlanResource {

    @Inject
    WorkPlanService plans;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<WorkPlanView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = { "DRAFT", "ACTIVE", "CLOSED" })) String status) {
        Sort order = Sort.parse(sort, WorkPlanService.SORTABLE, WorkPlanService.DEFAULT_SORT);
        var only = Params.enumValue(WorkPlanStatus.class, status, "status");
        var request = page.toRequest(order.spec());
        return Page.of(plans.list(request, order, only), request, p -> WorkPlanService.sortKey(p, order), p -> p.id,
                WorkPlanView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The work plan", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(plans.find(id).orElseThrow(() -> ProblemException.notFound("工作要点 (work plan)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Created as a DRAFT; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid WorkPlanInput input) {
        return created(plans.create(input));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Edited, with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid WorkPlanInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.update(id, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "ACTIVE", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response activate(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.activate(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "CLOSED", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response close(@PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(plans.close(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    @POST
    @Path("{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "The new DRAFT; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response copy(@PathParam("id") UUID id, @NotNull @Valid CopyInput input) {
        return created(plans.copy(id, input));
    }

    static Response ok(WorkPlan p) {
        return Response.ok(WorkPlanView.of(p)).tag(ETags.of(p.version)).build();
    }

    static Response created(WorkPlan p) {
        return Response.created(URI.create("/api/v1/work-plans/" + p.id)).tag(ETags.of(p.version)).entity(WorkPlanView.of(p)).build();
    }
}
