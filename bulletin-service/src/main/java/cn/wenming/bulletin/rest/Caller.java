package cn.wenming.bulletin.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import cn.wenming.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: their name (the token's upn) and whether they see unpublished issues. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }

    /** Editors, reviewers, admins and other services see every status; readers PUBLISHED only. */
    public boolean staff() {
        return identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.ADMIN)
                || identity.hasRole(Roles.SERVICE);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
