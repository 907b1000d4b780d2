package cn.wenming.honors.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.honors.domain.RecipientKind;
import cn.wenming.honors.service.HonorProgramInput;
import cn.wenming.honors.service.HonorProgramService;

/**
 * Routing only: the documentation of its operations (HonorProgramResource_*: summaries, parameters, bodies, answers and their
 * Chinese examples) is in META-INF/openapi.yaml. A success answer keeps its status, description and media type
 * here because the scan would otherwise generate an "OK" answer with a schema that overrides the file's.
 */
@Path("/api/v1/honor-programs")
@Produces(MediaType.APPLICATION_JSON)
public class HonorProgramResource {

    @Inject
    HonorProgramService programs;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<HonorProgramView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("recipientKind") String recipientKind) {
        Sort order = Sort.parse(sort, HonorProgramService.SORTABLE, HonorProgramService.DEFAULT_SORT);
        RecipientKind kind = Params.enumValue(RecipientKind.class, recipientKind, "recipientKind");
        var request = page.toRequest(order.spec());
        return Page.of(programs.list(request, order, kind), request, p -> HonorProgramService.sortKey(p, order),
                p -> p.id, HonorProgramView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The program", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        var p = programs.find(id).orElseThrow(() -> ProblemException.notFound("表彰项目 (honor program)", id));
        return Response.ok(HonorProgramView.of(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid HonorProgramInput input) {
        var p = programs.create(input);
        return Response.created(URI.create("/api/v1/honor-programs/" + p.id))
                .tag(ETags.of(p.version))
                .entity(HonorProgramView.of(p))
                .build();
    }
}
