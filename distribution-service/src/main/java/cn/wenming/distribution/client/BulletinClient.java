package cn.wenming.distribution.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * bulletin-service, as distribution-service uses it: the published issue a dispatch is made of.
 * Answers come back as they are (the caller decides); every call carries the request id and this
 * service's own token (suite-common's client filters), with which bulletin-service shows published
 * issues only.
 */
@RegisterRestClient(configKey = "bulletin")
@Path("/api/v1/bulletins")
@Produces(MediaType.APPLICATION_JSON)
interface BulletinClient {

    @GET
    @Path("{id}")
    Response bulletin(@PathParam("id") UUID id);
}
