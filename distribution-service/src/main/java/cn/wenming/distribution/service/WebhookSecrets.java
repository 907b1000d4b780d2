package cn.wenming.distribution.service;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.distribution.config.DistributionConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The organizations' webhook secrets at rest: sealed with the current key of the configured
 * {@link KeyRing} when an admin sets one, opened by the webhook sender when it signs. Made at start,
 * so that a missing or malformed key stops the start with a message saying what to set: outside dev
 * mode and tests (the packaged service, the prod profile) there is no default key.
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    /**
     * A secret as an organization's row holds it: sealed under a key id, or in plain text (a row
     * written before secrets were encrypted, or by a replica of an older version during an upgrade,
     * sealed at the next pass of {@link WebhookSecretResealer}).
     */
    public record Stored(UUID organizationId, String plain, String keyId, byte[] sealed) {
    }

    @Inject
    DistributionConfig config;

    private KeyRing ring;

    @PostConstruct
    void init() {
        DistributionConfig.Secrets secrets = config.webhook().secrets();
        ring = KeyRing.configured(secrets.keys().orElse(null), secrets.currentKey(), LaunchMode.current().isDevOrTest());
        if (ring.generated()) {
            LOG.warnf("webhook secrets: no DISTRIBUTION_WEBHOOK_SECRETS_KEYS, so a key (%s) was generated for this %s run; "
                    + "webhook secrets saved now cannot be read after a restart", ring.currentKeyId(), LaunchMode.current().getDefaultProfile());
        } else {
            LOG.infof("webhook secrets: keys %s, current %s", ring.keyIds(), ring.currentKeyId());
        }
    }

    /** The keys, by id, and the current one. */
    public KeyRing ring() {
        return ring;
    }

    /** Seals {@code secret} for {@code organizationId} with the current key. */
    public KeyRing.Sealed seal(UUID organizationId, String secret) {
        return ring.seal(organizationId, secret);
    }

    /** The secret in plain text, to sign with; unreadable when its key is not configured or it was altered. */
    public String open(Stored stored) throws KeyRing.Unreadable {
        if (stored.plain() != null) {
            return stored.plain();
        }
        if (stored.sealed() == null) {
            throw new KeyRing.Unreadable("没有签名密钥 (the organization has no webhook secret)");
        }
        return ring.open(stored.organizationId(), stored.keyId(), stored.sealed());
    }
}
