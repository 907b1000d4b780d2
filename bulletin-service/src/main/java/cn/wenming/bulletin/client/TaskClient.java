package cn.wenming.bulletin.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** task-service: whether a task an article reports on exists. */
@RegisterRestClient(configKey = "task")
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public interface TaskClient {

    @GET
    @Path("{id}")
    Response task(@PathParam("id") UUID id);
}
