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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.security.Caller;
import cn.wenming.task.domain.ProgressReport;
import cn.wenming.task.service.ProgressService;
import cn.wenming.task.service.ProgressInput;

/** The progress reports of one task. */
@Path("/api/v1/tasks/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The reports", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<ProgressView> list(@PathParam("id") UUID id) {
        return progress.list(id).stream().map(ProgressView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response report(@PathParam("id") UUID id, @NotNull @Valid ProgressInput input) {
        ProgressReport r = progress.report(id, input, caller.name());
        return Response.created(URI.create("/api/v1/tasks/" + id + "/progress")).tag(ETags.of(r.task.version))
                .entity(ProgressView.of(r)).build();
    }
}
