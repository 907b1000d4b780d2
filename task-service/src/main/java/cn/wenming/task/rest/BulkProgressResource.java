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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
public class BulkProgressResource {

    static final String CSV = "text/csv";

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
    @APIResponse(responseCode = "201", description = "Every row recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
    @APIResponse(responseCode = "201", description = "Every row recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response csv(@PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
        return recorded(id, ProgressCsv.read(Inputs.text(body, headers.getMediaType())));
    }

    private Response recorded(UUID id, List<BulkRow> rows) {
        var reports = progress.bulk(id, rows, caller.name()).stream().map(ProgressView::of).toList();
        return Response.status(Response.Status.CREATED).entity(new Result(reports.size(), reports)).build();
    }
}
