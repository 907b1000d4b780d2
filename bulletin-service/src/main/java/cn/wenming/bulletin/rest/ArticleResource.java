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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "简报文章 Articles", description = "The articles of an issue, edited one by one (drafts only)")
public class ArticleResource {

    private static final String ARTICLE_EXAMPLE = """
            {"id":"8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37","seq":2,"title":"2020年首都精神文明建设工作 聚焦四个方面 23项重点任务",\
            "source":"本刊","paragraphs":["2020年是全面建成小康社会和“十三五”规划收官之年……"],"taskIds":[],"honorIds":[]}""";
    private static final String ARTICLE_INPUT = """
            {"title":"2020年首都精神文明建设工作 聚焦四个方面 23项重点任务","source":"本刊",\
            "paragraphs":["2020年是全面建成小康社会和“十三五”规划收官之年……"]}""";

    @Inject
    BulletinService bulletins;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "列出文章 (list the articles)", description = "The articles of the issue in order. Readers: published issues only.")
    @APIResponse(responseCode = "200", description = "The articles", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "articles", value = "[" + ARTICLE_EXAMPLE + "]")))
    public List<ArticleView> list(@PathParam("id") UUID id) {
        return visible(id).articles.stream().map(ArticleView::of).toList();
    }

    @GET
    @Path("{articleId}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "读取文章 (get an article)", description = "One article of the issue.")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "article", value = ARTICLE_EXAMPLE)))
    public Response get(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId) {
        Bulletin b = visible(id);
        return Response.ok(ArticleView.of(b.article(articleId))).tag(ETags.of(b.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "添加文章 (add an article)", description = "Appends an article to a DRAFT (at most 50).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "文章", value = ARTICLE_INPUT)))
    @APIResponse(responseCode = "201", description = "Added; ETag is the issue's new version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "article", value = ARTICLE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The issue is not a DRAFT")
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
    @Operation(summary = "修改文章 (edit an article)", description = "Replaces one article of a DRAFT.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "文章", value = ARTICLE_INPUT)))
    @APIResponse(responseCode = "200", description = "Edited; ETag is the issue's new version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "article", value = ARTICLE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The issue is not a DRAFT")
    public Response update(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId, @NotNull @Valid ArticleInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var a = bulletins.updateArticle(id, articleId, ExpectedVersion.ofIfMatch(ifMatch), input, caller.name());
        return Response.ok(ArticleView.of(a)).tag(ETags.of(a.bulletin.version)).build();
    }

    @DELETE
    @Path("{articleId}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "删除文章 (remove an article)", description = "Removes an article from a DRAFT; the others close up. "
            + "Nothing is deleted once an issue has been submitted.")
    @APIResponse(responseCode = "200", description = "The issue without it", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "issue", value = BulletinResource.BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The issue is not a DRAFT")
    public Response delete(@PathParam("id") UUID id, @PathParam("articleId") UUID articleId,
            @HeaderParam("If-Match") String ifMatch) {
        return BulletinResource.ok(bulletins.deleteArticle(id, articleId, ExpectedVersion.ofIfMatch(ifMatch), caller.name()));
    }

    @PUT
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "调整文章顺序 (reorder the articles)", description = "Every article id of the DRAFT, each once, in the new order.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "顺序",
            value = "{\"articleIds\":[\"8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37\",\"1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b\"]}")))
    @APIResponse(responseCode = "200", description = "The issue in its new order", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "issue", value = BulletinResource.BULLETIN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The issue is not a DRAFT")
    public Response reorder(@PathParam("id") UUID id, @NotNull @Valid OrderInput input,
            @HeaderParam("If-Match") String ifMatch) {
        return BulletinResource.ok(bulletins.reorderArticles(id, ExpectedVersion.ofIfMatch(ifMatch), input.articleIds(), caller.name()));
    }

    private Bulletin visible(UUID id) {
        return bulletins.find(id, caller.staff()).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
    }

}
