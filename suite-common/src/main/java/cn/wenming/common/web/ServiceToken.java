package cn.wenming.common.web;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every REST client call from one service to another carries this service's own bearer token
 * (role {@code service}), issued to it by the identity provider and given as
 * {@code SUITE_SERVICE_TOKEN}. A call that sets its own Authorization keeps it.
 */
@Provider
public class ServiceToken implements ClientRequestFilter {

    @Inject
    @ConfigProperty(name = "suite.service-token")
    Optional<String> token;

    @Override
    public void filter(ClientRequestContext request) {
        if (token.isPresent() && !token.get().isBlank() && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.get().strip());
        }
    }
}
