package cn.wenming.task.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.task.service.PlanImportService;

@Path("/api/v1/work-plans/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作要点 Work plans")
public class PlanImportResource {

    private static final String TEXT = """
            2020年首都精神文明建设工作 聚焦四个方面 23项重点任务

            2020年是全面建成小康社会和“十三五”规划收官之年……聚焦四个方面 23项重点任务,在落细落小、贯穿融入上下功夫,不断提升市民文明素质和社会文明水平。

            第一,深入推进新时代公民道德建设工程。围绕培育和践行社会主义核心价值观……(1)依托“北京榜样”传播道德力量。(2)以道德模范评选引领最好道德风尚。……

            第四,不断深化群众性精神文明创建活动。……(23)构建大宣传格局,不断增强精神文明传播力影响力。

            (本刊)""";

    private static final String RESULT = """
            {"committed":false,"planId":null,"year":2020,"title":"2020年首都精神文明建设工作","summary":"聚焦四个方面 23项重点任务",\
            "preamble":"2020年是全面建成小康社会和“十三五”规划收官之年……","source":"本刊","claimedAreas":4,"claimedTasks":23,\
            "areaCount":4,"taskCount":23,"areas":[{"seq":1,"ordinal":"第一","title":"深入推进新时代公民道德建设工程",\
            "description":"围绕培育和践行社会主义核心价值观……","tasks":[{"number":1,"title":"依托“北京榜样”传播道德力量","description":null},\
            {"number":2,"title":"以道德模范评选引领最好道德风尚","description":null}]}],"warnings":[]}""";

    @Inject
    PlanImportService imports;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "从文本导入工作要点 (import a work plan from its text)",
            description = "Reads a plan as the bulletin prints it (text/plain, UTF-8 unless the charset says otherwise): the title "
                    + "line (title, then summary), areas from 第一,… with their descriptions, tasks from (1)… — full-width or ASCII "
                    + "parentheses and commas; a task or sentence split over a line break is joined. Tasks are numbered 1..N as read. "
                    + "The counts the text claims (四个方面, 23项), numbers out of sequence and areas without tasks are warnings. "
                    + "Answers what was read (200); with ?commit=true also stores it as a DRAFT plan (201, Location). A text "
                    + "that is not a plan is a 400.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "2020年工作要点", value = TEXT)))
    @APIResponse(responseCode = "200", description = "What was read; nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "import", value = RESULT)))
    @APIResponse(responseCode = "201", description = "Stored as a DRAFT plan; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "import",
                    value = "{\"committed\":true,\"planId\":\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"year\":2020,"
                            + "\"title\":\"2020年首都精神文明建设工作\",\"areaCount\":4,\"taskCount\":23,\"warnings\":[]}")))
    @APIResponse(responseCode = "400", description = "没有找到“第一,”这样的方面标题，这段文字不是工作要点 (the text is not a work plan)")
    @APIResponse(responseCode = "409", description = "已有 2020 年的工作要点 (a work plan for 2020 exists)")
    public Response importText(byte[] body, @Context HttpHeaders headers,
            @QueryParam("commit") @Parameter(description = "true: store the plan as a DRAFT", schema = @Schema(type = SchemaType.BOOLEAN),
                    example = "false") String commit,
            @QueryParam("year") @Parameter(description = "The plan's year, when it is not the one the title names",
                    schema = @Schema(type = SchemaType.INTEGER), example = "2020") String year) {
        var imported = imports.importText(Inputs.text(body, headers.getMediaType()), Inputs.year(year, "year"), Inputs.flag(commit, "commit"));
        if (imported.plan() == null) {
            return Response.ok(ImportView.of(imported)).build();
        }
        return Response.created(URI.create("/api/v1/work-plans/" + imported.plan().id)).tag(ETags.of(imported.plan().version))
                .entity(ImportView.of(imported)).build();
    }
}
