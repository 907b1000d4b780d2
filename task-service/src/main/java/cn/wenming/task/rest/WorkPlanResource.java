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

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.service.WorkPlanService;
import cn.wenming.task.service.CopyInput;
import cn.wenming.task.service.WorkPlanInput;
import cn.wenming.common.version.ExpectedVersion;

@Path("/api/v1/work-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作要点 Work plans", description = "The office's annual work plan: one per year, DRAFT → ACTIVE → CLOSED, with its areas and numbered key tasks")
public class WorkPlanResource {

    @Inject
    WorkPlanService plans;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出工作要点 (list work plans)",
            description = "A page of work plans, newest year first unless ?sort= says otherwise (year, -year, createdAt, "
                    + "-createdAt); ?status= keeps the plans in one status.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + Examples.PLAN_DRAFT + "]}")))
    public Page<WorkPlanView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "year, -year, createdAt or -createdAt; default -year", example = "-year") String sort,
            @QueryParam("status") @Parameter(description = "Only plans in this status",
                    schema = @Schema(enumeration = { "DRAFT", "ACTIVE", "CLOSED" }), example = "DRAFT") String status) {
        Sort order = Sort.parse(sort, WorkPlanService.SORTABLE, WorkPlanService.DEFAULT_SORT);
        var only = Params.enumValue(WorkPlanStatus.class, status, "status");
        var request = page.toRequest(order.spec());
        return Page.of(plans.list(request, order, only), request, p -> WorkPlanService.sortKey(p, order), p -> p.id,
                WorkPlanView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取工作要点 (get a work plan)", description = "The work plan with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The work plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = Examples.PLAN)))
    public Response get(@PathParam("id") UUID id) {
        return ok(plans.find(id).orElseThrow(() -> ProblemException.notFound("工作要点 (work plan)", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "新建工作要点 (create a work plan)",
            description = "Creates the work plan of a year as a DRAFT. There is one plan per year: a second plan for the "
                    + "same year is a 409 naming the year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "2020年", value = Examples.PLAN_INPUT)))
    @APIResponse(responseCode = "201", description = "Created as a DRAFT; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = Examples.PLAN_DRAFT)))
    @APIResponse(responseCode = "409", description = "已有 2020 年的工作要点 (a work plan for 2020 exists)")
    public Response create(@NotNull @Valid WorkPlanInput input) {
        return created(plans.create(input));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "修改工作要点 (edit a work plan)",
            description = "Replaces title and summary; the year too while the plan is a DRAFT (a year with a plan is a 409). "
                    + "A CLOSED plan does not change (409). Honours If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "2020年", value = Examples.PLAN_INPUT)))
    @APIResponse(responseCode = "200", description = "Edited, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = Examples.PLAN_DRAFT)))
    @APIResponse(responseCode = "409", description = "工作要点当前为 CLOSED，不能再修改 (the plan is CLOSED; nothing in it can change)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid WorkPlanInput input,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(plans.update(id, ExpectedVersion.ofIfMatch(ifMatch), input));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "开始执行工作要点 (activate a work plan)",
            description = "DRAFT → ACTIVE, for a plan with at least one task. From now on task numbers are frozen, and lead units "
                    + "report progress. Any other status is a 409 naming it. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "ACTIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = Examples.PLAN)))
    @APIResponse(responseCode = "409", description = "工作要点当前为 ACTIVE，不能变为 ACTIVE (the plan is ACTIVE; it cannot become ACTIVE)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response activate(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(plans.activate(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "结束工作要点 (close a work plan)",
            description = "ACTIVE → CLOSED: the plan becomes a record; nothing in it changes any more. Any other status is a 409 "
                    + "naming it. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "CLOSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan",
                    value = "{\"id\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"year\":2020,\"title\":\"2020年首都精神文明建设工作\","
                            + "\"status\":\"CLOSED\",\"activatedOn\":\"2020-04-24\",\"closedOn\":\"2021-01-15\",\"version\":2}")))
    @APIResponse(responseCode = "409", description = "工作要点当前为 DRAFT，不能变为 CLOSED (the plan is DRAFT; it cannot become CLOSED)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response close(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = Examples.IF_MATCH) String ifMatch) {
        return ok(plans.close(id, ExpectedVersion.ofIfMatch(ifMatch)));
    }

    @POST
    @Path("{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "复制到新的年度 (copy a plan into another year)",
            description = "A new DRAFT plan for the given year with the source's areas and tasks (titles, descriptions, units), "
                    + "numbered 1..N in area order, NOT_STARTED, due dates moved by the difference in years, no progress. The "
                    + "title defaults to the source's with its year replaced. A year that has a plan is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "2021年", value = "{\"year\":2021}")))
    @APIResponse(responseCode = "201", description = "The new DRAFT; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan",
                    value = "{\"id\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\",\"year\":2021,\"title\":\"2021年首都精神文明建设工作\","
                            + "\"summary\":\"聚焦四个方面 23项重点任务\",\"status\":\"DRAFT\",\"version\":0}")))
    @APIResponse(responseCode = "409", description = "已有 2021 年的工作要点 (a work plan for 2021 exists)")
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
