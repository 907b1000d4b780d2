package cn.wenming.bulletin.rest;

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

import cn.wenming.bulletin.service.SeriesInput;
import cn.wenming.bulletin.service.SeriesService;
import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;

@Path("/api/v1/bulletin-series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Inject
    SeriesService series;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<SeriesView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort) {
        Sort order = Sort.parse(sort, SeriesService.SORTABLE, SeriesService.DEFAULT_SORT);
        var request = page.toRequest(order.spec());
        return Page.of(series.list(request, order), request, s -> SeriesService.sortKey(s, order), s -> s.id, SeriesView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "The series", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        var s = series.find(id).orElseThrow(() -> ProblemException.notFound("简报系列 (series)", id));
        return Response.ok(SeriesView.of(s)).tag(ETags.of(s.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid SeriesInput input) {
        var s = series.create(input);
        return Response.created(URI.create("/api/v1/bulletin-series/" + s.id))
                .tag(ETags.of(s.version))
                .entity(SeriesView.of(s))
                .build();
    }
}
