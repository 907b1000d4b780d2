package cn.wenming.task.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.security.Roles;
import cn.wenming.task.service.SupervisionService;

/** How a plan stands: completion rolled up from its tasks, per area and plan, or per lead unit. */
@Path("/api/v1/work-plans/{id}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "督办 Supervision")
public class SummaryResource {

    private static final String FIGURES_DOC = " Counts: taskCount, completed, inProgress, notStarted, suspended, overdue (due date "
            + "passed in Asia/Shanghai and not COMPLETED); averagePercent is the mean percent of the tasks that are not SUSPENDED "
            + "(one decimal; null when there are none).";

    @Inject
    SupervisionService supervision;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "完成情况汇总 (summary per area and plan)", description = "The plan's figures, and each area's in order." + FIGURES_DOC)
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "summary", value = "{\"planId\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"year\":2020,"
                    + "\"title\":\"2020年首都精神文明建设工作\",\"asOf\":\"2020-06-30\",\"plan\":" + Examples.FIGURES + ",\"areas\":[{"
                    + "\"areaId\":\"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"seq\":1,\"ordinal\":\"第一\",\"title\":\"深入推进新时代公民道德建设工程\","
                    + "\"figures\":{\"taskCount\":4,\"completed\":1,\"inProgress\":3,\"notStarted\":0,\"suspended\":0,\"overdue\":0,"
                    + "\"averagePercent\":65.0}}]}")))
    public SummaryView plan(@PathParam("id") UUID id) {
        return SummaryView.of(supervision.snapshot(id));
    }

    @GET
    @Path("units")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "牵头单位完成情况 (summary per lead unit)", description = "The same figures for the tasks each unit leads, by unit "
            + "name (tasks without a lead unit last, under null); ?leadUnit= for one unit's own view." + FIGURES_DOC)
    @APIResponse(responseCode = "200", description = "The figures per lead unit", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "units", value = "{\"planId\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"year\":2020,"
                    + "\"title\":\"2020年首都精神文明建设工作\",\"asOf\":\"2020-06-30\",\"units\":[{\"leadUnit\":\"市文明办宣教处\","
                    + "\"figures\":{\"taskCount\":3,\"completed\":1,\"inProgress\":2,\"notStarted\":0,\"suspended\":0,\"overdue\":0,"
                    + "\"averagePercent\":70.0}}]}")))
    public SummaryView units(@PathParam("id") UUID id,
            @QueryParam("leadUnit") @Parameter(description = "Only this unit", example = "市文明办宣教处") String leadUnit) {
        return SummaryView.byUnit(supervision.snapshot(id), leadUnit == null || leadUnit.isBlank() ? null : leadUnit.strip());
    }
}
