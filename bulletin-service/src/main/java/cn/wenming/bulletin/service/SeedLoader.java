package cn.wenming.bulletin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.SeriesKind;
import cn.wenming.common.seed.Seed;
import io.quarkus.runtime.StartupEvent;

/** Loads bulletin-service's part of the seed at start: the series of the seed bulletin. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @Inject
    Seed seed;

    @Inject
    SeriesService series;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        seed.expected().ifPresent(this::load);
    }

    void load(JsonNode expected) {
        JsonNode b = expected.path("bulletin");
        String title = b.path("series").path("title").asText();
        if (title.isEmpty() || BulletinSeries.titleTaken(title)) {
            return;
        }
        JsonNode contact = b.path("contact");
        series.create(new SeriesInput(title, b.path("series").path("issuingOrg").asText(), SeriesKind.REGULAR,
                b.path("editor").asText(null), b.path("reviewer").asText(null), contact.path("phone").asText(null),
                contact.path("fax").asText(null), contact.path("email").asText(null)));
        LOG.infof("seed: series %s loaded", title);
    }
}
