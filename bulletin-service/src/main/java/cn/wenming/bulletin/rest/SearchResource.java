package cn.wenming.bulletin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "简报检索 Search", description = "Chinese full-text search over article titles and paragraphs")
public class SearchResource {

    static final String PAGE_EXAMPLE = """
            {"items":[{"bulletinId":"5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e","seriesId":"3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10",\
            "seriesTitle":"首都精神文明建设情况简报","status":"PUBLISHED","label":"2020年第17期（总第2126期）","year":2020,"issueNo":17,\
            "cumulativeNo":2126,"issueDate":"2020-04-24","articleId":"8a1c3e55-7b2d-4f0e-9c6a-2d4b8e1f0a37","seq":1,\
            "title":"首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开",\
            "titleHighlight":"首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会召开",\
            "snippet":"4 月 17 日上午,北京市召开首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会,蔡奇同志出席会议并作重要讲话。陈吉宁同志主持并宣读《关于表彰第七届首都道德模范的决定》《关于命名<em>背街小巷</em>环境整治提升…",\
            "titleMatch":true}],"nextCursor":"WyJyZWxldmFuY2UiLCIxOjIwMjAtMDQtMjQiLCI4YTFjM2U1NS03YjJkLTRmMGUtOWM2YS0yZDRiOGUxZjBhMzciXQ"}""";

    @Inject
    SearchService search;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN, Roles.RECIPIENT })
    @Operation(summary = "全文检索 (search articles)", description = "Finds the articles whose title or paragraphs contain every word of q, "
            + "in Chinese without spaces: 背街小巷, 文明, a single character. Hits whose title contains the words come first, then "
            + "the others; within each, the newest issue first. Each hit names its issue and carries a snippet with the words in "
            + "<em>…</em>, everything else HTML-escaped. Readers find PUBLISHED issues only. Filters as for the list of issues: "
            + "seriesId, year, status, from and to (issue date, inclusive). Paged by cursor like every list.")
    @APIResponse(responseCode = "200", description = "One page of hits", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "背街小巷", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "q missing, longer than 100 characters or without a letter or digit; a bad filter, limit or cursor")
    public Page<SearchHit> search(@BeanParam PageParams page,
            @QueryParam("q") @Parameter(description = "The words to find, 1 to 100 characters; words separated by spaces or punctuation must all occur",
                    required = true, example = "背街小巷") String q,
            @QueryParam("seriesId") @Parameter(description = "Only this series", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String seriesId,
            @QueryParam("year") @Parameter(description = "Only this year of the issue number", example = "2020", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("status") @Parameter(description = "Only this status (readers: PUBLISHED only)", schema = @Schema(implementation = BulletinStatus.class)) String status,
            @QueryParam("from") @Parameter(description = "Issue date from", example = "2020-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Issue date to", example = "2020-12-31", schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        PageRequest request = page.toRequest(SearchService.SORT);
        var filter = new BulletinService.Filter(Params.uuid(seriesId, "seriesId"), Params.integer(year, "year"),
                Params.enumValue(BulletinStatus.class, status, "status"), Params.date(from, "from"), Params.date(to, "to"));
        return Page.of(search.search(q, filter, request, caller.staff()), request, SearchService.Hit::sortKey, SearchService.Hit::id, SearchHit::of);
    }
}
