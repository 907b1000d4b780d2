package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.distribution.domain.DistributionList;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.Part;

/** The rules of distribution lists: names are unique; members exist and appear once, in order. */
@ApplicationScoped
@Transactional(REQUIRED)
public class DistributionListService {

    public static final Set<String> SORTABLE = Set.of("name", "createdAt");
    public static final String DEFAULT_SORT = "name";
    /** Ids one list request may name ({@code ?id=}): a page's worth. META-INF/openapi.yaml states the number: change both. */
    public static final int MAX_IDS = PageRequest.MAX_LIMIT;

    @Inject
    Clock clock;

    public DistributionList create(DistributionListInput in) {
        String name = in.name().strip();
        if (DistributionList.nameTaken(name, null)) {
            throw nameConflict(name);
        }
        DistributionList l = new DistributionList();
        l.id = UUID.randomUUID();
        apply(l, in);
        l.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        l.updatedAt = l.createdAt;
        Constraints.flushOrConflict(l::persistAndFlush, DistributionList.NAME_UNIQUE, () -> nameConflict(name));
        return l;
    }

    /** Replaces name, type and members of the version the caller expects (a 412 otherwise); empty for an unknown id. */
    public Optional<DistributionList> update(UUID id, ExpectedVersion expected, DistributionListInput in) {
        Optional<DistributionList> found = DistributionList.findByIdOptional(id);
        found.ifPresent(l -> {
            expected.check(l.version);
            String name = in.name().strip();
            if (DistributionList.nameTaken(name, id)) {
                throw nameConflict(name);
            }
            apply(l, in);
            l.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            Constraints.flushOrConflict(l::persistAndFlush, DistributionList.NAME_UNIQUE, () -> nameConflict(name));
        });
        return found;
    }

    private void apply(DistributionList l, DistributionListInput in) {
        Set<UUID> seen = new HashSet<>();
        for (UUID member : in.members()) {
            if (!seen.add(member)) {
                throw ProblemException.invalid("members", "单位重复 (an organization is named twice): " + member);
            }
        }
        Map<UUID, Organization> found = organizations(in.members());
        for (UUID member : in.members()) {
            if (!found.containsKey(member)) {
                throw ProblemException.invalid("members", "收文单位不存在 (no such organization): " + member);
            }
        }
        l.name = in.name().strip();
        l.type = in.type();
        l.members.clear();
        l.members.addAll(in.members());
    }

    @Transactional(SUPPORTS)
    public Optional<DistributionList> find(UUID id) {
        return DistributionList.findByIdOptional(id);
    }

    /** One page ({@code limit + 1} rows) of one type if given, of the lists with these ids if given. */
    @Transactional(SUPPORTS)
    public List<DistributionList> list(PageRequest page, Sort sort, Part type, Collection<UUID> ids) {
        String key = sort.field();
        var q = new ListQuery()
                .filter("type = :type", "type", type)
                .filter("id in :ids", "ids", ids)
                .after(page, key, sort.descending(), key.equals("createdAt") ? ListQuery::instant : ListQuery::text);
        return DistributionList.<DistributionList>find(q.hql(key, sort.descending()), q.params())
                .page(0, page.fetchSize())
                .list();
    }

    public static String sortKey(DistributionList l, Sort sort) {
        return sort.field().equals("createdAt") ? l.createdAt.toString() : l.name;
    }

    /** The organizations of the members of some lists, by id, in one query. */
    @Transactional(SUPPORTS)
    public Map<UUID, Organization> membersOf(Collection<DistributionList> lists) {
        return organizations(lists.stream().flatMap(l -> l.members.stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static Map<UUID, Organization> organizations(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Organization.<Organization>list("id in ?1", ids).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
    }

    private static ProblemException nameConflict(String name) {
        return ProblemException.conflict("已有同名的分发名单 (a distribution list with this name exists): " + name);
    }
}
