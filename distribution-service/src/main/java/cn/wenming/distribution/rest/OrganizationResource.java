package cn.wenming.distribution.rest;

import java.net.URI;
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
import cn.wenming.distribution.domain.OrganizationKind;
import cn.wenming.distribution.service.OrganizationInput;
import cn.wenming.distribution.service.OrganizationService;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "收文单位 Organizations",
        description = "The bodies a bulletin goes to, or recipient groups named as one: 上级 (报), 平级 (送), 下级 (发)")
public class OrganizationResource {

    private static final String ORGANIZATION_EXAMPLE = """
            {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","name":"中央文明办","shortName":"中央文明办","kind":"SUPERIOR",\
            "contactPerson":"梅雪峰","contactPhone":"010-55569506","channel":"WEBHOOK",\
            "webhookUrl":"https://oa.wenming.gov.cn/api/bulletins/inbox","webhookSecretSet":true,"email":"wmb@bjwmb.gov.cn",\
            "createdAt":"2020-04-24T09:30:00+08:00",\
            "updatedAt":"2020-04-24T09:30:00+08:00","version":0}""";

    @Inject
    OrganizationService organizations;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "列出收文单位 (list organizations)",
            description = "A page of organizations, by name unless ?sort= says otherwise (name, -name, createdAt, -createdAt); "
                    + "?kind= keeps one kind (SUPERIOR 上级, PEER 平级, SUBORDINATE 下级).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + ORGANIZATION_EXAMPLE + "]}")))
    public Page<OrganizationView> list(@BeanParam PageParams page,
            @QueryParam("sort") @Parameter(description = "name, -name, createdAt or -createdAt", example = "name") String sort,
            @QueryParam("kind") @Parameter(description = "只列出此类单位 (only this kind)", example = "SUPERIOR",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "SUPERIOR", "PEER", "SUBORDINATE" })) String kind) {
        Sort order = Sort.parse(sort, OrganizationService.SORTABLE, OrganizationService.DEFAULT_SORT);
        var filter = Params.enumValue(OrganizationKind.class, kind, "kind");
        var request = page.toRequest(order.spec());
        return Page.of(organizations.list(request, order, filter), request, o -> OrganizationService.sortKey(o, order),
                o -> o.id, OrganizationView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @Operation(summary = "读取收文单位 (get an organization)", description = "The organization with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The organization",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "organization", value = ORGANIZATION_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        var o = organizations.find(id).orElseThrow(() -> ProblemException.notFound("收文单位 (organization)", id));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新建收文单位 (create an organization)",
            description = "Creates a recipient body, or a recipient group named as one (各区文明办); admin only. "
                    + "Names are unique: a second organization with the same name is a 409 that names it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "上级", value = "{\"name\":\"中央文明办\",\"shortName\":\"中央文明办\",\"kind\":\"SUPERIOR\","
                    + "\"contactPerson\":\"梅雪峰\",\"contactPhone\":\"010-55569506\",\"channel\":\"WEBHOOK\","
                    + "\"webhookUrl\":\"https://oa.wenming.gov.cn/api/bulletins/inbox\",\"webhookSecret\":\"s3cr3t-中央文明办-2020-key\"}"),
            @ExampleObject(name = "下级（收文单位组）", value = "{\"name\":\"各区文明办\",\"kind\":\"SUBORDINATE\"}") }))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "organization", value = ORGANIZATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "已有同名的单位 (an organization with this name exists): 中央文明办")
    public Response create(@NotNull @Valid OrganizationInput input) {
        var o = organizations.create(input);
        return Response.created(URI.create("/api/v1/organizations/" + o.id))
                .tag(ETags.of(o.version))
                .entity(OrganizationView.of(o))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改收文单位 (edit an organization)",
            description = "Replaces what a client sets, including the delivery channel; admin only. A left-out webhookSecret keeps the "
                    + "stored one. Webhook URLs must be https (http only to hosts an admin allowed) and must not resolve to loopback, "
                    + "link-local or private addresses (400 naming webhookUrl). Honours If-Match (412 when stale).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "改为电子邮件", value = "{\"name\":\"各区文明办\",\"kind\":\"SUBORDINATE\",\"channel\":\"EMAIL\","
                    + "\"email\":\"wmb@bjwmb.gov.cn\"}") }))
    @APIResponse(responseCode = "200", description = "The organization with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "organization", value = ORGANIZATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "已有同名的单位 (another organization has this name)")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid OrganizationInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var o = organizations.update(id, ExpectedVersion.ofIfMatch(ifMatch), input).orElseThrow(() -> ProblemException.notFound("收文单位 (organization)", id));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }
}
