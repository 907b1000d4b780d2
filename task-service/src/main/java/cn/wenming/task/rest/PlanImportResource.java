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

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.task.service.PlanImportService;

@Path("/api/v1/work-plans/imports")
@Produces(MediaType.APPLICATION_JSON)
public class PlanImportResource {

    @Inject
    PlanImportService imports;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "What was read; nothing stored", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "201", description = "Stored as a DRAFT plan; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response importText(byte[] body, @Context HttpHeaders headers,
            @QueryParam("commit") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String commit,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year) {
        var imported = imports.importText(Inputs.text(body, headers.getMediaType()), Inputs.year(year, "year"), Inputs.flag(commit, "commit"));
        if (imported.plan() == null) {
            return Response.ok(ImportView.of(imported)).build();
        }
        return Response.created(URI.create("/api/v1/work-plans/" + imported.plan().id)).tag(ETags.of(imported.plan().version))
                .entity(ImportView.of(imported)).build();
    }
}
