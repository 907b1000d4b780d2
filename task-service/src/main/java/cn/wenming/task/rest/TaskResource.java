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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.service.TaskService;
import cn.wenming.task.service.TaskInput;
import cn.wenming.common.version.ExpectedVersion;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "重点任务 Tasks", description = "The key tasks of the plans, numbered 1..N across a plan's areas; their status and progress")
public class TaskResource {

    private static final String NOT_OPEN = "工作要点当前为 ACTIVE，编号与方面顺序已冻结，不能删除任务 (the plan is ACTIVE: task numbers are frozen)";

    @Inject
    TaskService tasks;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出重点任务 (list tasks)", description = "A page of tasks by number (?sort=number, -number, dueDate or -dueDate; "
            + "tasks without a due date last). Filters: planId or year, areaId, status, leadUnit (exact), overdue (true: due date "
            + "passed in Asia/Shanghai and not COMPLETED; false: the others).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + Examples.TASK + "]}")))
    public Page<TaskView> list(@BeanParam PageParams page,
            @QueryParam("planId") @Parameter(description = "Only this plan's tasks", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String planId,
            @QueryParam("year") @Parameter(description = "Only the tasks of this year's plan", example = "2020", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("areaId") @Parameter(description = "Only this area's tasks", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String areaId,
            @QueryParam("status") @Parameter(description = "Only tasks in this status", schema = @Schema(implementation = TaskStatus.class)) String status,
            @QueryParam("leadUnit") @Parameter(description = "Only the tasks this unit leads", example = "市文明办宣教处") String leadUnit,
            @QueryParam("overdue") @Parameter(description = "true: only overdue tasks; false: only the others", schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("sort") @Parameter(description = "number (default), -number, dueDate or -dueDate", example = "number") String sort) {
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
    @Operation(summary = "读取重点任务 (get a task)", description = "The task with its version as ETag; overdue as of today in Asia/Shanghai.")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "task", value = Examples.TASK)))
    public Response get(@PathParam("id") UUID id) {
        return ok(tasks.find(id).orElseThrow(() -> ProblemException.notFound("任务 (task)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "新建重点任务 (create a task)", description = "Adds a task to an area. In a DRAFT plan it goes after the area's "
            + "last task, or at `position` (the later tasks move down one, numbers stay 1..N); in an ACTIVE plan it takes the next "
            + "free number (a position is a 409 there); a CLOSED plan takes none. New tasks are NOT_STARTED at 0%.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "任务(1)", value = Examples.TASK_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "task", value = Examples.TASK)))
    @APIResponse(responseCode = "409", description = "工作要点当前为 ACTIVE，编号与方面顺序已冻结，不能指定任务编号 (the plan is ACTIVE: task numbers are frozen)")
    public Response create(@NotNull @Valid TaskInput input) {
        Task t = tasks.create(input);
        return Response.created(URI.create("/api/v1/tasks/" + t.id)).tag(ETags.of(t.version)).entity(TaskView.of(t, tasks.today())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "修改重点任务 (edit a task)", description = "Replaces what an editor writes. Another area, or a position other "
            + "than its number, moves the task: in a DRAFT only, the others renumbered. Not in a CLOSED plan. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "任务(1)", value = Examples.TASK_INPUT)))
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "task", value = Examples.TASK)))
    @APIResponse(responseCode = "409", description = "工作要点当前为 ACTIVE，编号与方面顺序已冻结，不能移动任务 (the plan is ACTIVE: task numbers are frozen)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid TaskInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(tasks.update(id, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "删除重点任务 (remove a task)", description = "Removes a task from a DRAFT plan; the later tasks move up one, so "
            + "numbers stay 1..N. In an ACTIVE plan numbers are frozen: suspend the task instead (409). Honours If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = NOT_OPEN)
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        tasks.delete(id, ExpectedVersion.ofIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "暂停重点任务 (suspend a task)", description = "Puts a task on hold with a reason: SUSPENDED tasks take no reports, "
            + "are not chased, and are left out of average percents. A COMPLETED or SUSPENDED task is a 409. Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "暂停",
            value = "{\"reason\":\"受疫情影响，活动暂缓举办\"}")))
    @APIResponse(responseCode = "200", description = "SUSPENDED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "task", value = Examples.TASK)))
    @APIResponse(responseCode = "409", description = "任务(1)当前为 COMPLETED，不能暂停 (the task is COMPLETED; it cannot be suspended)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response suspend(@PathParam("id") UUID id, @NotNull @Valid ReasonInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(tasks.suspend(id, ExpectedVersion.ofIfMatch(ifMatch), input.reason()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "恢复重点任务 (resume a task)", description = "Takes a SUSPENDED task up again: IN_PROGRESS if it has progress, "
            + "else NOT_STARTED. Any other status is a 409 naming it. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "task", value = Examples.TASK)))
    @APIResponse(responseCode = "409", description = "任务(1)当前为 IN_PROGRESS，只有暂停的任务可以恢复 (only a SUSPENDED task can be resumed)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response resume(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(tasks.resume(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    private Response ok(Task t) {
        return Response.ok(TaskView.of(t, tasks.today())).tag(ETags.of(t.version)).build();
    }
}
