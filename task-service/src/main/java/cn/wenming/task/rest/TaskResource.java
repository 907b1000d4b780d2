package cn.wenming.task.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.service.TaskService;
import cn.wenming.task.service.TaskInput;
import cn.wenming.common.version.ExpectedVersion;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<TaskView> list(@BeanParam PageParams page,
            @QueryParam("planId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String planId,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("areaId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String areaId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = TaskStatus.class)) String status,
            @QueryParam("leadUnit") String leadUnit,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("sort") String sort) {
        Sort order = Sort.parse(sort, TaskService.SORTABLE, TaskService.DEFAULT_SORT);
        var filter = new TaskService.Filter(Params.uuid(planId, "planId"), Params.integer(year, "year"), Params.uuid(areaId, "areaId"),
                Params.enumValue(TaskStatus.class, status, "status"), leadUnit == null || leadUnit.isBlank() ? null : leadUnit.strip(),
                Inputs.optionalFlag(overdue, "overdue"));
        var request = page.toRequest(order.spec());
        LocalDate today = tasks.today();
        return Page.of(tasks.list(filter, request, order), request, t -> TaskService.sortKey(t, order), t -> t.id, t -> TaskView.of(t, today));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.BULLETIN_SERVICE })
    @APIResponse(responseCode = "200", description = "The task", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(tasks.find(id).orElseThrow(() -> ProblemException.notFound("任务 (task)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid TaskInput input) {
        Task t = tasks.create(input);
        return Response.created(URI.create("/api/v1/tasks/" + t.id)).tag(ETags.of(t.version)).entity(TaskView.of(t, tasks.today())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid TaskInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(tasks.update(id, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        tasks.delete(id, ExpectedVersion.ofIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "SUSPENDED", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response suspend(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(tasks.suspend(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(tasks.resume(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    private Response ok(Task t) {
        return Response.ok(TaskView.of(t, tasks.today())).tag(ETags.of(t.version)).build();
    }
}
