package cn.wenming.distribution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.distribution.domain.OrganizationKind;

/** The pure rule that turns a 报/送/发 block into recipient groups with their kinds. */
class RecipientGroupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, OrganizationKind> groups(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return SeedLoader.recipientGroups(node);
    }

    @Test
    void eachPartGivesItsKind() throws Exception {
        assertEquals(Map.of("中央文明办", OrganizationKind.SUPERIOR, "市级群众团体", OrganizationKind.PEER,
                "各区文明办", OrganizationKind.SUBORDINATE),
                groups("{\"ISSUE\":[\"各区文明办\"],\"SEND\":[\"市级群众团体\"],\"REPORT\":[\"中央文明办\"]}"));
    }

    @Test
    void aGroupInTwoPartsKeepsTheHigherKindWhateverTheOrder() throws Exception {
        var g = groups("{\"ISSUE\":[\"甲\",\"乙\"],\"SEND\":[\"甲\",\"丙\"],\"REPORT\":[\"丙\"]}");
        assertEquals(OrganizationKind.PEER, g.get("甲"), "SEND before ISSUE");
        assertEquals(OrganizationKind.SUBORDINATE, g.get("乙"));
        assertEquals(OrganizationKind.SUPERIOR, g.get("丙"), "REPORT before SEND");
        assertEquals(3, g.size());
    }

    @Test
    void blankNamesAndOtherPartsAreSkippedAndNamesTrimmed() throws Exception {
        var g = groups("{\"REPORT\":[\" 中央文明办 \",\"  \"],\"CC\":[\"抄送单位\"]}");
        assertEquals(List.of("中央文明办"), List.copyOf(g.keySet()));
        assertTrue(groups("{}").isEmpty());
    }

    @Test
    void kindsRankFromSuperiorDown() {
        assertEquals(OrganizationKind.SUPERIOR, OrganizationKind.higher(OrganizationKind.PEER, OrganizationKind.SUPERIOR));
        assertEquals(OrganizationKind.PEER, OrganizationKind.higher(OrganizationKind.SUBORDINATE, OrganizationKind.PEER));
        assertEquals(OrganizationKind.SUBORDINATE, OrganizationKind.ofPart("ISSUE").orElseThrow());
        assertTrue(OrganizationKind.ofPart("issue").isEmpty());
    }
}
