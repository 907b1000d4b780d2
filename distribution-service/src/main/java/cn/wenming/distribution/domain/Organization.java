package cn.wenming.distribution.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import cn.wenming.common.persistence.Recorded;

/** A recipient body of the bulletin, e.g. 中央文明办 (SUPERIOR), or a group such as 各区文明办 (SUBORDINATE). */
@Entity
@Table(name = "organization")
// an update writes the columns it changed only: the re-encryption of secrets in the background
// (WebhookSecretResealer) and an admin's edit of other fields never overwrite each other
@DynamicUpdate
public class Organization extends Recorded {

    /** The unique constraint on {@link #name}, as the migration names it. */
    public static final String NAME_UNIQUE = "organization_name_unique";

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "short_name", length = 30)
    public String shortName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrganizationKind kind;

    @Column(name = "contact_person", length = 50)
    public String contactPerson;

    @Column(name = "contact_phone", length = 30)
    public String contactPhone;

    /** How it receives the bulletin; PAPER unless set. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Channel channel = Channel.PAPER;

    @Column(name = "webhook_url", length = 500)
    public String webhookUrl;

    /**
     * The secret that signs webhook bodies (HMAC-SHA256), encrypted at rest: nonce, ciphertext and
     * tag of AES-256-GCM (see {@code KeyRing}); never shown by the API.
     */
    @Column(name = "webhook_secret_sealed")
    public byte[] webhookSecretSealed;

    /** The id of the key that sealed {@link #webhookSecretSealed}. */
    @Column(name = "webhook_secret_key_id", length = 40)
    public String webhookSecretKeyId;

    /**
     * A secret still in plain text, waiting to be sealed: a row of before encryption, or one an
     * older replica wrote during an upgrade. Null once sealed; when present it is the newest secret.
     */
    @Column(name = "webhook_secret", length = 200)
    public String plainWebhookSecret;

    @Column(length = 200)
    public String email;

    /** The organization of this name, or else the one (if only one) of this short name: how an issue's additions name them. */
    public static java.util.Optional<Organization> byName(String name) {
        java.util.Optional<Organization> exact = find("name", name).firstResultOptional();
        if (exact.isPresent()) {
            return exact;
        }
        java.util.List<Organization> short_ = find("shortName", name).page(0, 2).list();
        return short_.size() == 1 ? java.util.Optional.of(short_.get(0)) : java.util.Optional.empty();
    }

    /** True when the organization has a webhook secret, sealed or still plain. */
    public boolean hasWebhookSecret() {
        return webhookSecretSealed != null || plainWebhookSecret != null;
    }

    public static boolean nameTaken(String name) {
        return count("name", name) > 0;
    }

    /** True when another organization than {@code self} has the name. */
    public static boolean nameTakenByOther(String name, UUID self) {
        return count("name = ?1 and id <> ?2", name, self) > 0;
    }
}
