package cn.wenming.common.security;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.wenming.common.config.SuiteSecurityConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Who may act for whom: turns what a token says (its {@code groups}, the body it acts for in
 * {@code org}, and for a service its {@code sub}) into the roles {@code @RolesAllowed} checks, so
 * that every rule "this role of this kind of body may" is written once, as a role (see {@link Roles}):
 * <ul>
 * <li>{@code groups} has {@code service}: the role of that service of the suite ({@code sub} =
 * {@code bulletin-service} gives {@link Roles#BULLETIN_SERVICE}), and nothing else; another {@code sub}
 * gives no role at all;</li>
 * <li>{@code groups} has {@code recipient}: {@link Roles#RECIPIENT} when {@code org} names a body, and
 * nothing else (a recipient system never holds a staff role);</li>
 * <li>staff ({@code reader} … {@code admin}) acting for the office ({@code org} =
 * {@code SUITE_OFFICE_ORG}): those roles; acting for another body: {@link Roles#READER} only;
 * naming no body: no role.</li>
 * </ul>
 * Groups the suite does not know are dropped. A caller left without a role is refused (403) by every
 * operation; {@link #REFUSAL} says why, and the problem answer says it too.
 */
@ApplicationScoped
public class BodyRoles implements SecurityIdentityAugmentor {

    /** The identity attribute that says why a caller holds no role. */
    public static final String REFUSAL = "suite.refusal";
    /** The identity attribute holding the body (organization id) the caller acts for, when it names one. */
    public static final String BODY = "suite.body";

    @Inject
    SuiteSecurityConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(withRoles(identity, token));
    }

    private SecurityIdentity withRoles(SecurityIdentity identity, JsonWebToken token) {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        Optional<UUID> body = body(token);
        Set<String> roles = new LinkedHashSet<>();
        String refusal = null;
        if (groups.contains(Roles.SERVICE)) {
            String sub = token.getSubject();
            if (sub != null && Roles.SUITE_SERVICES.contains(sub)) {
                roles.add(Roles.ofService(sub));
            } else {
                refusal = "令牌不是本系统服务的身份 (a service token must name a service of the suite in sub)";
            }
        } else if (groups.contains(Roles.RECIPIENT)) {
            if (body.isPresent()) {
                roles.add(Roles.RECIPIENT);
            } else {
                refusal = "收文单位令牌须指明单位 (a recipient token must name its body in org)";
            }
        } else if (body.isEmpty()) {
            refusal = "令牌未指明所代表的单位 (the token names no body it acts for: claim org)";
        } else if (body.get().equals(config.officeOrg())) {
            groups.stream().filter(Roles.STAFF::contains).forEach(roles::add);
        } else if (groups.stream().anyMatch(Roles.STAFF::contains)) {
            roles.add(Roles.READER);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal((Principal) token)
                .setAnonymous(false)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles);
        body.ifPresent(b -> builder.addAttribute(BODY, b));
        if (refusal != null) {
            builder.addAttribute(REFUSAL, refusal);
        }
        return builder.build();
    }

    /** The body a token acts for: its {@code org} claim, when it is an organization id. */
    static Optional<UUID> body(JsonWebToken token) {
        Object org = token.getClaim("org");
        if (org == null) {
            return Optional.empty();
        }
        String text = org.toString().strip();
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
            text = text.substring(1, text.length() - 1);   // a JsonString's toString keeps its quotes
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
