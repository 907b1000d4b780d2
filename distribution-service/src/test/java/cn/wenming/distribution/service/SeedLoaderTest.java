package cn.wenming.distribution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.seed.Seed;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.distribution.rest.BulletinServiceStub;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The seed is loaded once: loading it again, as a restart does, adds nothing and fails nothing. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class SeedLoaderTest {

    @Inject
    Seed seed;

    @Inject
    SeedLoader loader;

    @Test
    void loadingTheSeedAgainAddsNothing() {
        JsonNode expected = seed.expected().orElseThrow(() -> new AssertionError("the test profile reads the seed"));
        Map<String, OrganizationKind> groups = SeedLoader.recipientGroups(expected.path("bulletin").path("distribution"));
        assertEquals(10, groups.size());
        long before = Organization.count();
        assertEquals(0, loader.load(expected), "every seed group was loaded at start");
        assertEquals(before, Organization.count());
        groups.forEach((name, kind) -> assertEquals(1, Organization.count("name = ?1 and kind = ?2", name, kind), name));
    }
}
