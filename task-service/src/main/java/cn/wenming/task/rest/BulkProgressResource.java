package cn.wenming.task.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.security.Roles;
import cn.wenming.common.security.Caller;
import cn.wenming.task.service.ProgressCsv;
import cn.wenming.task.service.ProgressService;
import cn.wenming.task.service.ProgressService.BulkRow;
import cn.wenming.task.service.BulkProgressRow;

/** Many progress reports on a plan's tasks at once, as JSON or CSV: all or nothing. */
@Path("/api/v1/work-plans/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "进展 Progress")
public class BulkProgressResource {

    static final String CSV = "text/csv";
    /** The two methods are one operation in the OpenAPI document (one path, one method, two media types): one text for both. */
    private static final String SUMMARY = "批量报告进展 (report progress in bulk, JSON or CSV)";
    private static final String DESCRIPTION = "Reports on many tasks of an ACTIVE plan at once, each row naming its task by number; "
            + "each row follows the rules of a single report (rows on one task in order). All or nothing: if any row is invalid, "
            + "none is recorded and the 400 lists every invalid field as `[i].field` (JSON, i from 0) or `lines[n].field` (CSV, n "
            + "the line in the file, the header being line 1). A plan that is not ACTIVE is a 409. At most TASK_BULK_MAX_ROWS rows. "
            + "A JSON body is an array of rows; a CSV body (text/csv, UTF-8 unless the charset says otherwise; a BOM is skipped) "
            + "starts with a header line naming the columns, in English or Chinese, in any order: number/编号, unit/单位, "
            + "percent/进度, text/进展, and optionally date/日期, reason/原因.";
    private static final String RESULT = "{\"recorded\":1,\"reports\":[" + Examples.REPORT + "]}";
    private static final String ROW_ERRORS = "2 行有误，未记录任何报告 (2 rows are invalid: nothing was recorded); errors: "
            + "[{\"field\":\"[1].reason\",\"message\":\"进度从 60% 降到 50% 需要说明原因 (a lower percent needs a reason)\"},"
            + "{\"field\":\"[2].number\",\"message\":\"本工作要点没有任务(24) (no such task in this plan)\"}]";

    /** What a bulk report recorded. */
    public record Result(int recorded, List<ProgressView> reports) {
    }

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "批量", value = """
            [{"number":1,"date":"2020-06-30","unit":"市文明办宣教处","percent":60,"text":"已发布“北京榜样”月度人物 30 名"},\
            {"number":5,"unit":"市文明办法规处","percent":40,"text":"《北京市文明行为促进条例》宣传解读已覆盖全市 16 个区"}]""")))
    @APIResponse(responseCode = "201", description = "Every row recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "recorded", value = RESULT)))
    @APIResponse(responseCode = "400", description = ROW_ERRORS)
    @APIResponse(responseCode = "409", description = "工作要点当前为 DRAFT，只有执行中的工作要点接受进展报告 (only an ACTIVE plan takes progress reports)")
    public Response json(@PathParam("id") UUID id, @NotNull List<BulkProgressRow> rows) {
        List<BulkRow> labelled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BulkProgressRow row = rows.get(i);
            labelled.add(row == null ? new BulkRow("[" + i + "]", null, List.of(new Problem.FieldError("[" + i + "]",
                    "不能为空 (must not be null)"))) : new BulkRow("[" + i + "]", row, List.of()));
        }
        return recorded(id, labelled);
    }

    @POST
    @Consumes(CSV)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "批量", value = """
            编号,单位,进度,日期,进展,原因
            1,市文明办宣教处,60,2020-06-30,"已发布“北京榜样”月度人物 30 名，年度人物评选进入公示阶段",
            5,市文明办法规处,40,2020-06-30,"《北京市文明行为促进条例》宣传解读已覆盖全市 16 个区",
            """)))
    @APIResponse(responseCode = "201", description = "Every row recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "recorded", value = RESULT)))
    @APIResponse(responseCode = "400", description = ROW_ERRORS)
    @APIResponse(responseCode = "409", description = "工作要点当前为 DRAFT，只有执行中的工作要点接受进展报告 (only an ACTIVE plan takes progress reports)")
    public Response csv(@PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
        return recorded(id, ProgressCsv.read(Inputs.text(body, headers.getMediaType())));
    }

    private Response recorded(UUID id, List<BulkRow> rows) {
        var reports = progress.bulk(id, rows, caller.name()).stream().map(ProgressView::of).toList();
        return Response.status(Response.Status.CREATED).entity(new Result(reports.size(), reports)).build();
    }
}
