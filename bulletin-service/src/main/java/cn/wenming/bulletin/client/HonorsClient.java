package cn.wenming.bulletin.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** honors-service: whether an honor an article names exists. */
@RegisterRestClient(configKey = "honors")
@Path("/api/v1/honors")
@Produces(MediaType.APPLICATION_JSON)
public interface HonorsClient {

    @GET
    @Path("{id}")
    Response honor(@PathParam("id") UUID id);
}
