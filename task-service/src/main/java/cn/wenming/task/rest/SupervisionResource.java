package cn.wenming.task.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.Params;
import cn.wenming.task.service.SupervisionService;

/** The supervision list (督办) of a plan: the tasks that need chasing. */
@Path("/api/v1/work-plans/{id}/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "督办 Supervision", description = "How a plan stands, per area and per lead unit, and which tasks need chasing")
public class SupervisionResource {

    @Inject
    SupervisionService supervision;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "督办清单 (the supervision list)", description = "The plan's tasks that are overdue (due date passed in "
            + "Asia/Shanghai) or stalled (no report for ?days, default TASK_SUPERVISION_STALLED_AFTER_DAYS = 30, counted from the "
            + "plan's activation for a task never reported on), oldest first: by the day each came under supervision. COMPLETED "
            + "and SUSPENDED tasks are left out. Paged by cursor.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = """
                    {"items":[{"taskId":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","number":8,\
                    "title":"紧抓“礼让斑马线专项行动”,构建和谐顺畅的交通环境","areaOrdinal":"第二","leadUnit":"市文明办城市文明处",\
                    "dueDate":"2020-06-30","status":"IN_PROGRESS","percent":40,"lastReportDate":"2020-05-10","overdue":true,\
                    "stalled":true,"quietDays":51,"since":"2020-06-09"}]}""")))
    public Page<WatchView> list(@PathParam("id") UUID id, @BeanParam PageParams page,
            @QueryParam("days") @Parameter(description = "Stalled after this many days without a report (1..3650)",
                    schema = @Schema(type = SchemaType.INTEGER), example = "30") String days) {
        Integer n = Params.integer(days, "days");
        if (n != null && (n < 1 || n > 3650)) {
            throw ProblemException.invalid("days", "必须在 1 到 3650 之间 (must be from 1 to 3650)");
        }
        int stalledAfter = n == null ? supervision.stalledAfterDays() : n;
        // a cursor belongs to the N it was issued under
        var request = page.toRequest("since-" + stalledAfter);
        return Page.of(supervision.watchList(id, stalledAfter, request), request, SupervisionService.Watch::sortKey, w -> w.task().id,
                WatchView::of);
    }
}
