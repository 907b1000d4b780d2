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
import jakarta.ws.rs.POST;
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
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.service.WorkPlanService;

@Path("/api/v1/work-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作要点 Work plans", description = "The office's annual work plan: one per year, with its areas and numbered key tasks")
public class WorkPlanResource {

    private static final String PLAN_EXAMPLE = """
            {"id":"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f","year":2020,"title":"2020年首都精神文明建设工作",\
            "summary":"聚焦四个方面 23项重点任务","status":"DRAFT","createdAt":"2020-04-24T09:30:00+08:00",\
            "updatedAt":"2020-04-24T09:30:00+08:00","version":0}""";

    @Inject
    WorkPlanService plans;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "列出工作要点 (list work plans)",
            description = "A page of work plans, newest year first unless ?sort= says otherwise (year, -year, createdAt, "
                    + "-createdAt); ?status= keeps the plans in one status.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + PLAN_EXAMPLE + "]}")))
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
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "读取工作要点 (get a work plan)", description = "The work plan with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The work plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = PLAN_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        var p = plans.find(id).orElseThrow(() -> ProblemException.notFound("工作要点 (work plan)", id));
        return Response.ok(WorkPlanView.of(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "新建工作要点 (create a work plan)",
            description = "Creates the work plan of a year as a DRAFT. There is one plan per year: a second plan for the "
                    + "same year is a 409 naming the year.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "2020年",
            value = "{\"year\":2020,\"title\":\"2020年首都精神文明建设工作\",\"summary\":\"聚焦四个方面 23项重点任务\"}")))
    @APIResponse(responseCode = "201", description = "Created as a DRAFT; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "workPlan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "已有 2020 年的工作要点 (a work plan for 2020 exists)")
    public Response create(@NotNull @Valid WorkPlanInput input) {
        var p = plans.create(input);
        return Response.created(URI.create("/api/v1/work-plans/" + p.id))
                .tag(ETags.of(p.version))
                .entity(WorkPlanView.of(p))
                .build();
    }
}
