package cn.wenming.task.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.security.Caller;
import cn.wenming.task.domain.ProgressReport;
import cn.wenming.task.service.ProgressService;
import cn.wenming.task.service.ProgressInput;

/** The progress reports of one task. */
@Path("/api/v1/tasks/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "进展 Progress", description = "Progress reports of the lead units (reporters are editor users)")
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出进展报告 (list a task's progress reports)", description = "Every report of the task, oldest first.")
    @APIResponse(responseCode = "200", description = "The reports", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reports", value = "[" + Examples.REPORT + "]")))
    public List<ProgressView> list(@PathParam("id") UUID id) {
        return progress.list(id).stream().map(ProgressView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "报告进展 (report progress)", description = "Records a report of the task's lead unit or a co-operating unit; "
            + "the task takes its percent. Rules: the plan is ACTIVE, the task neither COMPLETED nor SUSPENDED and it has a lead unit "
            + "(else 409); the date (default today, Asia/Shanghai) is neither in the future nor before the latest report; a percent "
            + "lower than the current one needs a reason (else 400 naming the field). The first report above 0 makes the task "
            + "IN_PROGRESS; a report of 100 makes it COMPLETED, after which it takes no more reports. The answer's ETag is the "
            + "task's new version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "进展", value = Examples.REPORT_INPUT),
            @ExampleObject(name = "进度回退", value = "{\"date\":\"2020-07-31\",\"unit\":\"市文明办宣教处\",\"percent\":50,"
                    + "\"text\":\"年度人物评选重新组织\",\"reason\":\"评选日程因疫情顺延\"}") }))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "report", value = Examples.REPORT)))
    @APIResponse(responseCode = "409", description = "任务(1)当前为 COMPLETED，不再接受进展报告 (the task is COMPLETED; it takes no reports)")
    public Response report(@PathParam("id") UUID id, @NotNull @Valid ProgressInput input) {
        ProgressReport r = progress.report(id, input, caller.name());
        return Response.created(URI.create("/api/v1/tasks/" + id + "/progress")).tag(ETags.of(r.task.version))
                .entity(ProgressView.of(r)).build();
    }
}
