package cn.wenming.honors.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageParams;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.honors.config.HonorsConfig;
import cn.wenming.honors.service.HonorRollService;

/**
 * The public honor roll (光荣榜): no token. Only conferred, unrevoked, unexpired honors, and of
 * them only what was printed when they were conferred. Answers carry an ETag of their content and
 * {@code Cache-Control: public}; {@code If-None-Match} with it answers 304. The empty
 * {@code @SecurityRequirements} tell the OpenAPI document (and its problem responses) that no
 * token is needed.
 *
 * Routing only: the documentation of its operations (HonorRollResource_*: summaries, parameters, bodies, answers and their
 * Chinese examples) is in META-INF/openapi.yaml. A success answer keeps its status, description and media type
 * here because the scan would otherwise generate an "OK" answer with a schema that overrides the file's.
 */
@Path("/api/v1/honor-roll")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HonorRollResource {

    static final String SORT = "-conferredOn";

    @Inject
    HonorRollService roll;

    @Inject
    HonorsConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response list(@BeanParam PageParams page, @BeanParam RollFilterParams filter,
            @QueryParam("sort") String sort,
            @Context Request request) {
        Sort order = Sort.parse(sort, Set.of("conferredOn"), SORT);
        PageRequest pageRequest = page.toRequest(order.spec());
        var entries = Page.of(roll.list(filter.toFilter(), pageRequest, order.descending()), pageRequest, HonorRollService::sortKey,
                h -> h.id, HonorRollEntry::of);
        return cacheable(entries, request);
    }

    @GET
    @Path("summary")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response summary(@BeanParam RollFilterParams filter, @Context Request request) {
        return cacheable(roll.summary(filter.toFilter()), request);
    }

    @GET
    @Path("{id}")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        var entry = roll.find(id).map(HonorRollEntry::of).orElseThrow(() -> ProblemException.notFound("光荣榜条目 (honor roll entry)", id));
        return cacheable(entry, request);
    }

    /** The body as JSON with an ETag of its content, or a 304 when the client holds it already. */
    private Response cacheable(Object body, Request request) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("honor roll answer cannot be written", e);
        }
        EntityTag tag = new EntityTag(sha256(text));
        String cache = "public, max-age=" + config.rollMaxAge().toSeconds();
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(text, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
