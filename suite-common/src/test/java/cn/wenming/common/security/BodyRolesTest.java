package cn.wenming.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import cn.wenming.common.config.SuiteSecurityConfig;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;

/** Who may act for whom: a token's groups, body and subject turned into the roles the operations check. */
class BodyRolesTest {

    private static final UUID DISTRICT = UUID.randomUUID();
    private final BodyRoles bodies = new BodyRoles();

    BodyRolesTest() {
        bodies.config = new SuiteSecurityConfig() {
            @Override
            public UUID officeOrg() {
                return TestTokens.OFFICE;
            }

            @Override
            public TokenCache tokenCache() {
                return null;
            }

            @Override
            public Jwks jwks() {
                return null;
            }
        };
    }

    @Test
    void officeStaffKeepTheirRoles() {
        SecurityIdentity id = roles(TestTokens.as("梅雪峰", "editor", "reviewer"));
        assertEquals(Set.of(Roles.EDITOR, Roles.REVIEWER), id.getRoles());
        assertEquals(TestTokens.OFFICE, id.getAttribute(BodyRoles.BODY));
    }

    @Test
    void anotherBodysStaffOnlyRead() {
        assertEquals(Set.of(Roles.READER), roles(TestTokens.forBody("朝阳区编辑", DISTRICT, "editor", "admin")).getRoles());
    }

    @Test
    void aRecipientIsOnlyARecipientOfItsOwnBody() {
        SecurityIdentity id = roles(TestTokens.forBody("oa", DISTRICT, "recipient", "admin"));
        assertEquals(Set.of(Roles.RECIPIENT), id.getRoles(), "a recipient system never holds a staff role");
        assertEquals(DISTRICT, id.getAttribute(BodyRoles.BODY));
    }

    @Test
    void aServiceHasItsOwnIdentityOnly() {
        assertEquals(Set.of(Roles.BULLETIN_SERVICE), roles(TestTokens.service("bulletin-service")).getRoles());
        SecurityIdentity stranger = roles(TestTokens.service("mallory-service"));
        assertEquals(Set.of(), stranger.getRoles());
        assertNotNull(stranger.getAttribute(BodyRoles.REFUSAL));
    }

    @Test
    void aTokenNamingNoBodyHasNoRole() {
        SecurityIdentity id = roles(TestTokens.withoutBody("无名", "admin"));
        assertEquals(Set.of(), id.getRoles());
        assertNotNull(id.getAttribute(BodyRoles.REFUSAL));
        SecurityIdentity recipient = roles(TestTokens.withoutBody("oa", "recipient"));
        assertEquals(Set.of(), recipient.getRoles(), "a recipient must name its body");
    }

    @Test
    void unknownGroupsAndServiceRoleNamesInTheTokenAreDropped() {
        String token = Jwt.issuer(TestTokens.ISSUER).upn("x").groups(Set.of("service:bulletin-service", "superuser", "reader"))
                .claim("org", TestTokens.OFFICE.toString()).expiresIn(Duration.ofHours(1)).jws().keyId(TestTokens.KEY_ID)
                .sign(TestTokens.keys().getPrivate());
        SecurityIdentity id = roles(token);
        assertEquals(Set.of(Roles.READER), id.getRoles());
        assertNull(id.getAttribute(BodyRoles.REFUSAL));
    }

    @Test
    void anOrgThatIsNotAnIdNamesNoBody() {
        String token = Jwt.issuer(TestTokens.ISSUER).upn("x").groups(Set.of("editor")).claim("org", "朝阳区")
                .expiresIn(Duration.ofHours(1)).jws().keyId(TestTokens.KEY_ID).sign(TestTokens.keys().getPrivate());
        assertEquals(Set.of(), roles(token).getRoles());
    }

    private SecurityIdentity roles(String token) {
        try {
            JsonWebToken jwt = new DefaultJWTParser(new JWTAuthContextInfo(TestTokens.keys().getPublic(), TestTokens.ISSUER))
                    .parse(token.startsWith("Bearer ") ? token.substring(7) : token);
            SecurityIdentity raw = QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(jwt.getGroups()).build();
            return bodies.augment(raw, null).await().indefinitely();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
