package cn.wenming.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** {@code ./suite token}: a user per role, the office unless --org, recipients and services as the services expect them. */
class TokenToolTest {

    @Test
    void eachRoleIsItsOwnUserActingForTheOffice() {
        JwtKeys.Claims editor = TokenTool.parse(List.of("editor")).claims();
        JwtKeys.Claims reviewer = TokenTool.parse(List.of("reviewer")).claims();
        assertEquals("editor", editor.user());
        assertEquals("reviewer", reviewer.user());
        assertNotEquals(editor.user(), reviewer.user(), "the README's editor submits and its reviewer approves: four eyes");
        assertEquals(JwtKeys.OFFICE, editor.org());
        assertEquals(List.of("editor", "reviewer"), TokenTool.parse(List.of("editor", "reviewer")).claims().groups());
        assertEquals("梅雪峰", TokenTool.parse(List.of("editor", "--user", "梅雪峰")).claims().user());
    }

    @Test
    void orgNamesTheBodyActedFor() {
        UUID district = UUID.randomUUID();
        assertEquals(district, TokenTool.parse(List.of("editor", "--org", district.toString())).claims().org());
        JwtKeys.Claims recipient = TokenTool.parse(List.of("recipient", "--org", district.toString())).claims();
        assertEquals(List.of("recipient"), recipient.groups());
        assertEquals(district, recipient.org());
        assertNotNull(TokenTool.parse(List.of("recipient")).error(), "a recipient must name its body");
        assertNotNull(TokenTool.parse(List.of("recipient", "admin", "--org", district.toString())).error(), "a recipient holds no other role");
        assertNotNull(TokenTool.parse(List.of("editor", "--org", "朝阳区")).error(), "an org is an organization id");
    }

    @Test
    void aServiceTokenNamesAServiceOfTheSuite() {
        JwtKeys.Claims service = TokenTool.parse(List.of("service", "--user", "bulletin-service")).claims();
        assertEquals("bulletin-service", service.subject());
        assertEquals(List.of("service"), service.groups());
        assertNull(service.org());
        assertNotNull(TokenTool.parse(List.of("service")).error());
        assertNotNull(TokenTool.parse(List.of("service", "--user", "mallory")).error());
        assertNotNull(TokenTool.parse(List.of("superuser")).error());
        assertNotNull(TokenTool.parse(List.of()).error());
    }
}
