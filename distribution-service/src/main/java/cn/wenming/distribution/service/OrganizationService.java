package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;

/** The rules of recipient bodies: names are unique; a channel has what it needs; webhook URLs pass the SSRF policy. */
@ApplicationScoped
@Transactional(REQUIRED)
public class OrganizationService {

    /** The fields an organization list can be sorted by. */
    public static final Set<String> SORTABLE = Set.of("name", "createdAt");
    public static final String DEFAULT_SORT = "name";

    @Inject
    Clock clock;

    @Inject
    WebhookUrlPolicy webhookUrls;

    @Inject
    WebhookSecrets secrets;

    public Organization create(OrganizationInput in) {
        return create(in, UUID.randomUUID());
    }

    /** Creates it under a given id: the office, whose id the tokens of its staff name (SUITE_SECURITY_OFFICE_ORG). */
    public Organization create(OrganizationInput in, UUID id) {
        String name = in.name().strip();
        if (Organization.nameTaken(name)) {
            throw nameConflict(name);
        }
        Organization o = new Organization();
        o.id = id;
        apply(o, in);
        // the database keeps microseconds: the answer shows what a later read shows
        o.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        o.updatedAt = o.createdAt;
        // two creates of one name at once: the check above passed for both, the constraint did not
        Constraints.flushOrConflict(o::persistAndFlush, Organization.NAME_UNIQUE, () -> nameConflict(name));
        return o;
    }

    /** Replaces what a client sets; a left-out webhook secret keeps the stored one. Empty for an unknown id. */
    public Optional<Organization> update(UUID id, ExpectedVersion expected, OrganizationInput in) {
        Optional<Organization> found = Organization.findByIdOptional(id);
        found.ifPresent(o -> {
            expected.check(o.version);
            String name = in.name().strip();
            if (Organization.nameTakenByOther(name, id)) {
                throw nameConflict(name);
            }
            apply(o, in);
            o.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            Constraints.flushOrConflict(o::persistAndFlush, Organization.NAME_UNIQUE, () -> nameConflict(name));
        });
        return found;
    }

    /** Copies the input, checking the channel: a webhook needs a callable URL and a secret, e-mail an address. */
    private void apply(Organization o, OrganizationInput in) {
        o.name = in.name().strip();
        o.shortName = trimmed(in.shortName());
        o.kind = in.kind();
        o.contactPerson = trimmed(in.contactPerson());
        o.contactPhone = trimmed(in.contactPhone());
        o.channel = in.channel() == null ? Channel.PAPER : in.channel();
        String url = trimmed(in.webhookUrl());
        if (url != null) {
            webhookUrls.check(url, "webhookUrl");
        }
        o.webhookUrl = url;
        if (in.webhookSecret() != null) {
            if (in.webhookSecret().isBlank()) {
                throw ProblemException.invalid("webhookSecret", "不得为空白 (must not be blank)");
            }
            // sealed with the current key: the database never holds it in plain text
            KeyRing.Sealed sealed = secrets.seal(o.id, in.webhookSecret());
            o.webhookSecretSealed = sealed.bytes();
            o.webhookSecretKeyId = sealed.keyId();
            o.plainWebhookSecret = null;
        }
        o.email = trimmed(in.email());
        if (o.channel == Channel.WEBHOOK && o.webhookUrl == null) {
            throw ProblemException.invalid("webhookUrl", "WEBHOOK 渠道须填写接收地址 (a WEBHOOK channel needs a URL)");
        }
        if (o.channel == Channel.WEBHOOK && !o.hasWebhookSecret()) {
            throw ProblemException.invalid("webhookSecret", "WEBHOOK 渠道须设置签名密钥 (a WEBHOOK channel needs a secret)");
        }
        if (o.channel == Channel.EMAIL && o.email == null) {
            throw ProblemException.invalid("email", "EMAIL 渠道须填写邮箱 (an EMAIL channel needs an address)");
        }
    }

    @Transactional(SUPPORTS)
    public Optional<Organization> find(UUID id) {
        return Organization.findByIdOptional(id);
    }

    /** One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}), of one kind if given (null: all). */
    @Transactional(SUPPORTS)
    public List<Organization> list(PageRequest page, Sort sort, OrganizationKind kind) {
        String key = sort.field();
        var q = new ListQuery()
                .filter("kind = :kind", "kind", kind)
                .after(page, key, sort.descending(), key.equals("createdAt") ? ListQuery::instant : ListQuery::text);
        return Organization.<Organization>find(q.hql(key, sort.descending()), q.params())
                .page(0, page.fetchSize())
                .list();
    }

    /** The cursor key of an organization under a sort. */
    public static String sortKey(Organization o, Sort sort) {
        return sort.field().equals("createdAt") ? o.createdAt.toString() : o.name;
    }

    private static ProblemException nameConflict(String name) {
        return ProblemException.conflict("已有同名的单位 (an organization with this name exists): " + name);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
