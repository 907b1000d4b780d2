package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import cn.wenming.common.page.Keyset;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.OrganizationKind;
import cn.wenming.distribution.rest.OrganizationInput;

/** The rules of recipient bodies: names are unique. */
@ApplicationScoped
@Transactional(REQUIRED)
public class OrganizationService {

    /** The fields an organization list can be sorted by. */
    public static final Set<String> SORTABLE = Set.of("name", "createdAt");
    public static final String DEFAULT_SORT = "name";

    @Inject
    Clock clock;

    public Organization create(OrganizationInput in) {
        String name = in.name().strip();
        if (Organization.nameTaken(name)) {
            throw nameConflict(name);
        }
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        o.name = name;
        o.shortName = trimmed(in.shortName());
        o.kind = in.kind();
        o.contactPerson = trimmed(in.contactPerson());
        o.contactPhone = trimmed(in.contactPhone());
        // the database keeps microseconds: the answer shows what a later read shows
        o.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        o.updatedAt = o.createdAt;
        try {
            o.persistAndFlush();
        } catch (PersistenceException e) {
            // two creates of one name at once: the check above passed for both, the constraint did not
            if (isNameClash(e)) {
                throw nameConflict(name);
            }
            throw e;
        }
        return o;
    }

    @Transactional(SUPPORTS)
    public Optional<Organization> find(UUID id) {
        return Organization.findByIdOptional(id);
    }

    /** One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}), of one kind if given. */
    @Transactional(SUPPORTS)
    public List<Organization> list(PageRequest page, Sort sort, Optional<OrganizationKind> kind) {
        String key = sort.field();
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        kind.ifPresent(k -> {
            conditions.add("kind = :kind");
            params.put("kind", k);
        });
        if (page.after().isPresent()) {
            var cursor = page.after().get();
            Object value = key.equals("createdAt") ? parseInstant(cursor.key()) : cursor.key();
            conditions.add(Keyset.after(key, sort.descending()));
            params.putAll(Keyset.params(value, cursor));
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return Organization.<Organization>find(where + " order by " + Keyset.orderBy(key, sort.descending()), params)
                .page(0, page.fetchSize())
                .list();
    }

    /** The cursor key of an organization under a sort. */
    public static String sortKey(Organization o, Sort sort) {
        return sort.field().equals("createdAt") ? o.createdAt.toString() : o.name;
    }

    /** A {@code ?kind=} filter: absent, or one of the kinds; anything else is a 400 naming {@code kind}. */
    public static Optional<OrganizationKind> kindFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrganizationKind.valueOf(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "只能是 " + String.join(", ", Arrays.stream(OrganizationKind.values()).map(Enum::name).toList())
                    + " 之一 (must be one of these kinds)");
        }
    }

    private static ProblemException nameConflict(String name) {
        return ProblemException.conflict("已有同名的单位 (an organization with this name exists): " + name);
    }

    private static boolean isNameClash(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase().contains(Organization.NAME_UNIQUE)) {
                return true;
            }
        }
        return false;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
        }
    }
}
