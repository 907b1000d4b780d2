package cn.wenming.bulletin.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.service.ArticleInput;
import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.ETags;
import cn.wenming.common.security.Caller;

/**
 * The articles of an issue, one by one. Every edit changes the issue, so each answer carries the
 * issue's new ETag and each edit takes the If-Match.
 */
@Path("/api/v1/bulletins/{id}/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    BulletinService bulletins;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "The articles", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public List<ArticleView> list(@PathParam("id") UUID id) {
        return visible(id).articles.stream().map(ArticleView::of).toList();
    }

    @GET
    @Path("{articleId}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @APIResponse(responseCode = "200", description = "The article", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId) {
        Bulletin b = visible(id);
        return Response.ok(ArticleView.of(b.article(articleId))).tag(ETags.of(b.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "201", description = "Added; ETag is the issue's new version", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response add(@PathParam("id") UUID id, @NotNull @Valid ArticleInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var a = bulletins.addArticle(id, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name());
        return Response.created(URI.create("/api/v1/bulletins/" + id + "/articles/" + a.id))
                .tag(ETags.of(a.bulletin.version)).entity(ArticleView.of(a)).build();
    }

    @PUT
    @Path("{articleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "Edited; ETag is the issue's new version", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId, @NotNull @Valid ArticleInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var a = bulletins.updateArticle(id, articleId, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name());
        return Response.ok(ArticleView.of(a)).tag(ETags.of(a.bulletin.version)).build();
    }

    @DELETE
    @Path("{articleId}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The issue without it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response delete(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId,
            @HeaderParam("If-Match") String ifMatch) {
        return BulletinResource.ok(bulletins.deleteArticle(id, articleId, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @PUT
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The issue in its new order", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response reorder(@PathParam("id") UUID id, @NotNull @Valid OrderInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return BulletinResource.ok(bulletins.reorderArticles(id, ExpectedVersion.ofIfMatch(ifMatch), input.articleIds(), caller.name()));
    }

    private Bulletin visible(UUID id) {
        return bulletins.find(id, caller.staff()).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
    }

}
