package cn.wenming.common.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the resources need it: the user's name (the token's {@code upn}), the body they
 * act for, and the roles {@link BodyRoles} gave them. Written once for the four services; a resource
 * passes what a service needs (a name, a body id) into the service's command, never this object.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The user's name: the token's {@code upn} (or {@code sub} for a service). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The body (organization id) the caller acts for, when the token names one. */
    public Optional<UUID> body() {
        Object body = identity.getAttribute(BodyRoles.BODY);
        return body instanceof UUID id ? Optional.of(id) : Optional.empty();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Office staff who see work in progress (drafts, nominations): editors, reviewers, admins. Readers, recipients and services see published content only. */
    public boolean staff() {
        return identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ADMIN);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The body of a recipient system: what it receives and signs for is its own only. Empty for everybody else. */
    public Optional<UUID> recipientBody() {
        return identity.hasRole(Roles.RECIPIENT) ? body() : Optional.empty();
    }
}
