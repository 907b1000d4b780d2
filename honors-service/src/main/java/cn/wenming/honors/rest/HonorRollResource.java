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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
 */
@Path("/api/v1/honor-roll")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "光荣榜 Honor roll", description = "The public, read-only list of conferred honors that apps show. No token needed.")
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
    @Operation(summary = "光荣榜 (the honor roll)", description = "Conferred honors that are neither revoked nor lapsed (a unit title's term "
            + "ends on its expiresOn, Asia/Shanghai), newest conferral first (?sort=conferredOn for oldest first). Filters: programId, "
            + "session, year, category, district, recipientKind. Never shows a nomination, a publicity, an objection, a nominator, "
            + "a contact, a withdrawn or revoked honor. Public: no token. Cacheable: If-None-Match with the ETag answers 304.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = "{\"items\":[" + Examples.ROLL_ENTRY + "]}")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response list(@BeanParam PageParams page, @BeanParam RollFilterParams filter,
            @QueryParam("sort") @Parameter(description = "-conferredOn (default) or conferredOn", example = "-conferredOn") String sort,
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
    @Operation(summary = "光荣榜统计 (the roll in numbers)", description = "How many honors the roll holds under the same filters as the list: "
            + "in all, in each of Beijing's sixteen districts (zero included, in the city's order), per category and per program. "
            + "Public and cacheable like the list.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "第七届首都道德模范", value = "{\"total\":58,\"byDistrict\":[{\"district\":\"东城区\",\"count\":4},"
                    + "{\"district\":\"西城区\",\"count\":5},{\"district\":\"朝阳区\",\"count\":6}],\"byCategory\":[{\"category\":\"助人为乐\","
                    + "\"count\":12},{\"category\":\"敬业奉献\",\"count\":12}],\"byProgram\":[{\"programId\":"
                    + "\"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12\",\"programName\":\"首都道德模范\",\"count\":58}]}")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response summary(@BeanParam RollFilterParams filter, @Context Request request) {
        return cacheable(roll.summary(filter.toFilter()), request);
    }

    @GET
    @Path("{id}")
    @SecurityRequirements
    @Operation(summary = "光荣榜条目 (one entry of the roll)", description = "One honor as the roll shows it; 404 for anything not on the roll "
            + "(unknown, not yet conferred, withdrawn, revoked or lapsed). Public and cacheable.")
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "张秀英", value = Examples.ROLL_ENTRY)))
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
