package cn.wenming.distribution.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.seed.Seed;
import cn.wenming.distribution.domain.DistributionList;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;
import cn.wenming.distribution.domain.Part;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads distribution-service's part of the seed at start: the recipient groups of the seed
 * bulletin's 报/送/发 block, each as an organization of the kind its part implies.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @Inject
    Seed seed;

    @Inject
    OrganizationService organizations;

    @Inject
    DistributionListService lists;

    @Inject
    cn.wenming.common.config.SuiteSecurityConfig security;

    /** The office's own name: the body its staff act for. */
    public static final String OFFICE = "首都精神文明办";

    /** The standing list of each part, named after it. */
    public static String standingListName(Part part) {
        return "简报常用名单·" + part.label();
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        seed.expected().ifPresent(this::load);
    }

    /** Creates each recipient group and standing list that does not exist yet; returns how many it created. */
    @Transactional
    public int load(JsonNode expected) {
        int created = 0;
        // the office itself is a body like the others: its staff's tokens name it (SUITE_SECURITY_OFFICE_ORG)
        if (Organization.findByIdOptional(security.officeOrg()).isEmpty() && !Organization.nameTaken(OFFICE)) {
            organizations.create(OrganizationInput.of(OFFICE, OrganizationKind.PEER), security.officeOrg());
            created++;
        }
        for (var group : recipientGroups(expected.path("bulletin").path("distribution")).entrySet()) {
            if (Organization.nameTaken(group.getKey())) {
                continue;
            }
            organizations.create(OrganizationInput.of(group.getKey(), group.getValue()));
            created++;
        }
        if (created > 0) {
            LOG.infof("seed: %d recipient organizations loaded", created);
        }
        int listsCreated = loadStandingLists(expected.path("bulletin").path("distribution"));
        if (listsCreated > 0) {
            LOG.infof("seed: %d standing distribution lists loaded", listsCreated);
        }
        return created + listsCreated;
    }

    /** The three standing lists (简报常用名单·报/送/发) with the groups of their part, in the seed's order, if absent. */
    private int loadStandingLists(JsonNode distribution) {
        int created = 0;
        for (Part part : Part.values()) {
            String name = standingListName(part);
            if (DistributionList.nameTaken(name, null)) {
                continue;
            }
            List<UUID> members = new ArrayList<>();
            for (JsonNode group : distribution.path(part.name())) {
                String text = group.asText("").strip();
                Organization.<Organization>find("name", text).firstResultOptional()
                        .filter(o -> !members.contains(o.id)).ifPresent(o -> members.add(o.id));
            }
            lists.create(new DistributionListInput(name, part, members));
            created++;
        }
        return created;
    }

    /**
     * The recipient groups of a distribution block ({@code {"REPORT": [...], "SEND": [...], "ISSUE": [...]}})
     * with their kinds: REPORT → SUPERIOR, SEND → PEER, ISSUE → SUBORDINATE. A group named in two
     * parts keeps the higher kind; parts of another name and blank names are skipped.
     */
    public static Map<String, OrganizationKind> recipientGroups(JsonNode distribution) {
        Map<String, OrganizationKind> groups = new LinkedHashMap<>();
        for (OrganizationKind kind : OrganizationKind.values()) {
            for (JsonNode name : distribution.path(kind.part())) {
                String text = name.asText("").strip();
                if (!text.isEmpty()) {
                    groups.merge(text, kind, OrganizationKind::higher);
                }
            }
        }
        return groups;
    }
}
