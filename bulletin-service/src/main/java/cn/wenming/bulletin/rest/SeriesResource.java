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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "简报系列 Bulletin series", description = "The office's publications; a supplement (增刊) is a series of its own")
public class SeriesResource {

    private static final String SERIES_EXAMPLE = """
            {"id":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10","title":"首都精神文明建设情况简报","issuingOrg":"首都精神文明办",\
            "kind":"REGULAR","defaultEditor":"梅雪峰","defaultReviewer":"田文松","phone":"55569506","fax":"55569505",\
            "email":"jswmzhxhc@163.com","createdAt":"2020-04-24T09:30:00+08:00","updatedAt":"2020-04-24T09:30:00+08:00","version":0}""";

    @Inject
    SeriesService series;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "列出简报系列 (list series)",
            description = "A page of series, by title unless ?sort= says otherwise (title, -title, createdAt, -createdAt).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + SERIES_EXAMPLE + "]}")))
    public Page<SeriesView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "title, -title, createdAt or -createdAt", example = "title") String sort) {
        Sort order = Sort.parse(sort, SeriesService.SORTABLE, SeriesService.DEFAULT_SORT);
        var request = page.toRequest(order.spec());
        return Page.of(series.list(request, order), request, s -> SeriesService.sortKey(s, order), s -> s.id, SeriesView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "读取简报系列 (get a series)", description = "The series with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "series", value = SERIES_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        var s = series.find(id).orElseThrow(() -> ProblemException.notFound("简报系列 (series)", id));
        return Response.ok(SeriesView.of(s)).tag(ETags.of(s.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "新建简报系列 (create a series)",
            description = "Creates a series. Titles are unique: a second series with the same title is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "增刊",
            value = "{\"title\":\"首都精神文明建设情况简报（增刊）\",\"issuingOrg\":\"首都精神文明办\",\"kind\":\"SUPPLEMENT\","
                    + "\"defaultEditor\":\"梅雪峰\",\"defaultReviewer\":\"田文松\",\"phone\":\"55569506\",\"fax\":\"55569505\","
                    + "\"email\":\"jswmzhxhc@163.com\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "series", value = SERIES_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A series with this title exists")
    public Response create(@NotNull @Valid SeriesInput input) {
        var s = series.create(input);
        return Response.created(URI.create("/api/v1/bulletin-series/" + s.id))
                .tag(ETags.of(s.version))
                .entity(SeriesView.of(s))
                .build();
    }
}
