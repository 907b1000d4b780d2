package cn.wenming.bulletin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.bulletin.search.SearchService;
import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.Params;
import cn.wenming.common.security.Caller;

/**
 * Full-text search over the articles of the issues. A resource of its own: JAX-RS matches the
 * literal {@code /bulletins/search} before {@link BulletinResource}'s {@code /bulletins/{id}}.
 */
@Path("/api/v1/bulletins/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "One page of hits", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<SearchHit> search(@BeanParam PageParams page,
            @QueryParam("q") String q,
            @QueryParam("seriesId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String seriesId,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = BulletinStatus.class)) String status,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        PageRequest request = page.toRequest(SearchService.SORT);
        var filter = new BulletinService.Filter(Params.uuid(seriesId, "seriesId"), Params.integer(year, "year"),
                Params.enumValue(BulletinStatus.class, status, "status"), Params.date(from, "from"), Params.date(to, "to"));
        return Page.of(search.search(q, filter, request, caller.staff()), request, SearchService.Hit::sortKey, SearchService.Hit::id, SearchHit::of);
    }
}
