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
import cn.wenming.distribution.domain.OrganizationKind;
import cn.wenming.distribution.service.OrganizationInput;
import cn.wenming.distribution.service.OrganizationService;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Page<OrganizationView> list(@BeanParam PageParams page,
            @QueryParam("sort") String sort,
            @QueryParam("kind") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "SUPERIOR", "PEER", "SUBORDINATE" })) String kind) {
        Sort order = Sort.parse(sort, OrganizationService.SORTABLE, OrganizationService.DEFAULT_SORT);
        var filter = Params.enumValue(OrganizationKind.class, kind, "kind");
        var request = page.toRequest(order.spec());
        return Page.of(organizations.list(request, order, filter), request, o -> OrganizationService.sortKey(o, order),
                o -> o.id, OrganizationView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response get(@PathParam("id") UUID id) {
        var o = organizations.find(id).orElseThrow(() -> ProblemException.notFound("收文单位 (organization)", id));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
    @APIResponse(responseCode = "200", description = "The organization with its new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid OrganizationInput input,
            @HeaderParam("If-Match") String ifMatch) {
        var o = organizations.update(id, ExpectedVersion.ofIfMatch(ifMatch), input).orElseThrow(() -> ProblemException.notFound("收文单位 (organization)", id));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }
}
