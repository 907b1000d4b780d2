package cn.wenming.honors.rest;

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
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.honors.domain.RecipientKind;
import cn.wenming.honors.service.HonorProgramInput;
import cn.wenming.honors.service.HonorProgramService;

@Path("/api/v1/honor-programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "表彰项目 Honor programs",
        description = "Kinds of honor: 首都道德模范, 北京榜样, 先进典型 and the five creation titles (文明城区 … 文明校园)")
public class HonorProgramResource {

    private static final String PROGRAM_EXAMPLE = """
            {"id":"5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12","name":"首都道德模范","recipientKind":"PERSON",\
            "periodKind":"SESSION","categories":["助人为乐","见义勇为","诚实守信","敬业奉献","孝老爱亲"],"levels":["AWARD","NOMINATION"],"termYears":null,\
            "createdAt":"2020-04-17T09:30:00+08:00","updatedAt":"2020-04-17T09:30:00+08:00","version":0}""";

    private static final String UNIT_TITLE_EXAMPLE = """
            {"id":"8a1e4f20-6c3b-4d59-b7e2-0c9d8f7a6b54","name":"文明单位","recipientKind":"UNIT",\
            "periodKind":"YEAR","categories":[],"levels":["AWARD"],"termYears":3,\
            "createdAt":"2020-04-17T09:30:00+08:00","updatedAt":"2020-04-17T09:30:00+08:00","version":0}""";

    @Inject
    HonorProgramService programs;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出表彰项目 (list honor programs)",
            description = "A page of honor programs with their categories, by name unless ?sort= says otherwise "
                    + "(name, -name, createdAt, -createdAt); ?recipientKind= keeps the programs for one kind of recipient.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + PROGRAM_EXAMPLE + "," + UNIT_TITLE_EXAMPLE + "]}")))
    public Page<HonorProgramView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "name, -name, createdAt or -createdAt", example = "name") String sort,
            @QueryParam("recipientKind") @Parameter(description = "Only programs for this kind of recipient", example = "PERSON",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "PERSON", "UNIT", "STREET", "COMMUNITY", "VILLAGE", "FAMILY", "CAMPUS" }))
            String recipientKind) {
        Sort order = Sort.parse(sort, HonorProgramService.SORTABLE, HonorProgramService.DEFAULT_SORT);
        RecipientKind kind = Params.enumValue(RecipientKind.class, recipientKind, "recipientKind");
        var request = page.toRequest(order.spec());
        return Page.of(programs.list(request, order, kind), request, p -> HonorProgramService.sortKey(p, order),
                p -> p.id, HonorProgramView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取表彰项目 (get an honor program)", description = "The program with its categories, and its version as ETag.")
    @APIResponse(responseCode = "200", description = "The program",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "首都道德模范", value = PROGRAM_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        var p = programs.find(id).orElseThrow(() -> ProblemException.notFound("表彰项目 (honor program)", id));
        return Response.ok(HonorProgramView.of(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新建表彰项目 (create an honor program)",
            description = "Creates a program (admin only). Names are unique: a second program with the same name is a 409. "
                    + "Categories are kept in the given order and must be distinct; termYears (1 to 10) is only for titles "
                    + "held by a unit, street, community, village, family or campus, never for a PERSON program. levels are the levels "
                    + "its honors may have: AWARD (the default) and NOMINATION (提名奖).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "首都道德模范", value = "{\"name\":\"首都道德模范\",\"recipientKind\":\"PERSON\",\"periodKind\":\"SESSION\","
                    + "\"categories\":[\"助人为乐\",\"见义勇为\",\"诚实守信\",\"敬业奉献\",\"孝老爱亲\"],\"levels\":[\"AWARD\",\"NOMINATION\"]}"),
            @ExampleObject(name = "文明校园", value = "{\"name\":\"文明校园\",\"recipientKind\":\"CAMPUS\",\"periodKind\":\"YEAR\","
                    + "\"categories\":[],\"termYears\":3}") }))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "首都道德模范", value = PROGRAM_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A program with this name exists")
    public Response create(@NotNull @Valid HonorProgramInput input) {
        var p = programs.create(input);
        return Response.created(URI.create("/api/v1/honor-programs/" + p.id))
                .tag(ETags.of(p.version))
                .entity(HonorProgramView.of(p))
                .build();
    }
}
