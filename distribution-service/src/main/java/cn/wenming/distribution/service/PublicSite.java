package cn.wenming.distribution.service;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import cn.wenming.distribution.config.DistributionConfig;
import io.quarkus.runtime.StartupEvent;

/** The public site of the bulletin, where every dispatch links its issue (DISTRIBUTION_DISPATCH_PUBLIC_SITE). */
@ApplicationScoped
public class PublicSite {

    @Inject
    DistributionConfig config;

    /** The issue on the public site: always an https URL of the configured site. */
    String link(UUID bulletinId) {
        return config.dispatch().publicSite().replaceAll("/+$", "") + "/api/v1/bulletins/" + bulletinId + "/render";
    }

    /** The public site must be https: every link a recipient gets is one. The service does not start otherwise. */
    void check(@Observes StartupEvent start) {
        String site = config.dispatch().publicSite();
        URI uri;
        try {
            uri = URI.create(site);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DISTRIBUTION_DISPATCH_PUBLIC_SITE is not a URL: " + site);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalStateException("DISTRIBUTION_DISPATCH_PUBLIC_SITE must be an https URL of the public site: " + site);
        }
    }
}
