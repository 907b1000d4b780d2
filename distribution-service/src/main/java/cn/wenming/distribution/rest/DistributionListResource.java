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

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
public class DistributionListResource {

    @Inject
    DistributionListService lists;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.BULLETIN_SERVICE })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<DistributionListView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("type") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "REPORT", "SEND", "ISSUE" })) String type,
            @QueryParam("id") List<String> id) {
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
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        return ok(lists.find(id).orElseThrow(() -> notFound(id)), Response.ok());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response create(@NotNull @Valid DistributionListInput input) {
        var l = lists.create(input);
        return ok(l, Response.created(URI.create("/api/v1/distribution-lists/" + l.id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The list with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
