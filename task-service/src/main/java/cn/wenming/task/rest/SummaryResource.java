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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.security.Roles;
import cn.wenming.task.service.SupervisionService;

/**
 * How a plan stands: completion rolled up from its tasks, per area and plan, or per lead unit.
 * Documented in META-INF/openapi.yaml; the success answer stays here (code, description, media type)
 * because SmallRye's scanner otherwise adds its own default one ("OK", with the return type's schema)
 * over the static file's.
 */
@Path("/api/v1/work-plans/{id}/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    SupervisionService supervision;

    @GET
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    public SummaryView plan(@PathParam("id") UUID id) {
        return SummaryView.of(supervision.snapshot(id));
    }

    @GET
    @Path("units")
    @APIResponse(responseCode = "200", description = "The figures per lead unit", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    public SummaryView units(@PathParam("id") UUID id, @QueryParam("leadUnit") String leadUnit) {
        return SummaryView.byUnit(supervision.snapshot(id), leadUnit == null || leadUnit.isBlank() ? null : leadUnit.strip());
    }
}
