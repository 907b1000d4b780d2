package cn.wenming.bulletin.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * distribution-service, as bulletin-service uses it. Answers come back as they are (no exception
 * for a 4xx or 5xx: the callers decide); only a connection failure or a timeout throws. Every call
 * carries the request id and this service's token (suite-common's client filters).
 */
@RegisterRestClient(configKey = "distribution")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface DistributionClient {

    /**
     * Creates the dispatch of a published issue; the same key again is a replay (201/200), never a
     * second dispatch. The request id is the publishing request's, so the dispatch traces back to it.
     */
    @POST
    @Path("dispatches")
    @Consumes(MediaType.APPLICATION_JSON)
    Response dispatch(@HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Request-Id") String requestId,
            DispatchRequest request);

    /** One page of the lists with these ids (at most 100), each with its members in order; an unknown id is left out. */
    @GET
    @Path("distribution-lists")
    Response distributionLists(@QueryParam("id") List<UUID> ids, @QueryParam("limit") int limit);
}
