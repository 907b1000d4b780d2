package cn.wenming.distribution.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.distribution.domain.DistributionList;
import cn.wenming.distribution.domain.Part;
import cn.wenming.distribution.service.DistributionListInput;
import cn.wenming.distribution.service.DistributionListService;

@Path("/api/v1/distribution-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "分发名单 Distribution lists", description = "Named, ordered lists of organizations for 报 (REPORT), 送 (SEND) or 发 (ISSUE)")
public class DistributionListResource {

    static final String LIST_EXAMPLE = """
            {"id":"5b1f0a9e-2c4d-4e8f-9a1b-3c5d7e9f1a2b","name":"简报常用名单·报","type":"REPORT","members":[\
            {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","name":"中央文明办","kind":"SUPERIOR","channel":"WEBHOOK"},\
            {"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","name":"首都文明委主任、副主任","kind":"SUPERIOR","channel":"PAPER"}],\
            "createdAt":"2020-04-24T09:30:00+08:00","updatedAt":"2020-04-24T09:30:00+08:00","version":0}""";

    private static final String INPUT_EXAMPLE = """
            {"name":"简报常用名单·报","type":"REPORT","members":["7c9e6679-7425-40de-944b-e07fc1f90ae7",\
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"]}""";

    @Inject
    DistributionListService lists;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.BULLETIN_SERVICE })
    @Operation(summary = "列出分发名单 (list distribution lists)",
            description = "A page of lists with their members, by name unless ?sort= says otherwise (name, -name, createdAt, -createdAt); "
                    + "?type= keeps one part (REPORT 报, SEND 送, ISSUE 发); ?id= (repeated, at most " + DistributionListService.MAX_IDS
                    + ") keeps the lists with these ids, so a client reads the members of all the lists it names in one call "
                    + "(an unknown id is left out, not an error).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + LIST_EXAMPLE + "]}")))
    public Page<DistributionListView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "name, -name, createdAt or -createdAt", example = "name") String sort,
            @QueryParam("type") @Parameter(description = "只列出此类名单 (only this part)", example = "REPORT",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "REPORT", "SEND", "ISSUE" })) String type,
            @QueryParam("id") @Parameter(description = "只列出这些名单 (only the lists with these ids, UUIDs; repeat the parameter for each)")
            List<String> id) {
        Sort order = Sort.parse(sort, DistributionListService.SORTABLE, DistributionListService.DEFAULT_SORT);
        var request = page.toRequest(order.spec());
        List<DistributionList> rows = lists.list(request, order, Params.enumValue(Part.class, type, "type"), ids(id));
        var members = lists.membersOf(rows);
        return Page.of(rows, request, l -> DistributionListService.sortKey(l, order), l -> l.id,
                l -> DistributionListView.of(l, members));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取分发名单 (get a distribution list)", description = "The list with its members in order, its version as ETag.")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "简报常用名单·报", value = LIST_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(lists.find(id).orElseThrow(() -> notFound(id)), Response.ok());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新建分发名单 (create a distribution list)",
            description = "Admin only. Members are organization ids in order, each once (400 naming members for an unknown or repeated one); "
                    + "names are unique (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "报", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "简报常用名单·报", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "已有同名的分发名单 (a list with this name exists)")
    public Response create(@NotNull @Valid DistributionListInput input) {
        var l = lists.create(input);
        return ok(l, Response.created(URI.create("/api/v1/distribution-lists/" + l.id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改分发名单 (edit a distribution list)",
            description = "Replaces name, type and members (in the order given); admin only. Honours If-Match (412 when stale).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "报", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The list with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "简报常用名单·报", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "已有同名的分发名单 (another list has this name)")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid DistributionListInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(lists.update(id, ExpectedVersion.ofIfMatch(ifMatch), input).orElseThrow(() -> notFound(id)), Response.ok());
    }

    private Response ok(DistributionList l, Response.ResponseBuilder answer) {
        return answer.tag(ETags.of(l.version)).entity(DistributionListView.of(l, lists.membersOf(List.of(l)))).build();
    }

    /**
     * The ids of ?id=, each a UUID (400 naming id otherwise), at most {@link DistributionListService#MAX_IDS};
     * null when none is given (a blank value is none, as with every filter).
     */
    private static List<UUID> ids(List<String> values) {
        List<UUID> ids = values == null ? List.of()
                : values.stream().map(v -> Params.uuid(v, "id")).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.size() > DistributionListService.MAX_IDS) {
            throw ProblemException.invalid("id", "最多 " + DistributionListService.MAX_IDS + " 个 (at most " + DistributionListService.MAX_IDS + " ids)");
        }
        return ids.isEmpty() ? null : ids;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("分发名单 (distribution list)", id);
    }
}
