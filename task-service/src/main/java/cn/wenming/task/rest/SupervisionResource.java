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

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.Params;
import cn.wenming.task.service.SupervisionService;

/** The supervision list (督办) of a plan: the tasks that need chasing. */
@Path("/api/v1/work-plans/{id}/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Inject
    SupervisionService supervision;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<WatchView> list(@PathParam("id") UUID id, @BeanParam PageParams page,
            @QueryParam("days") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String days) {
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
