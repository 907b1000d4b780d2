package cn.wenming.bulletin.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import cn.wenming.bulletin.client.DistributionListMembers;
import cn.wenming.bulletin.client.Peers;
import cn.wenming.common.web.PeerCall;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;

/**
 * What an issue refers to in the other services: the tasks and honors its articles name (checked
 * before it is submitted, see {@link Submission}) and the distribution lists whose members' names its 报/送/发 block prints
 * (taken when it is published, and kept, so the issue renders alone afterwards).
 */
@ApplicationScoped
public class References {

    private static final Logger LOG = Logger.getLogger(References.class);

    @Inject
    Peers peers;

    /**
     * The tasks and honors an issue's articles name, article by article in issue order, as read in a
     * transaction that has ended: what {@link #requireExisting} checks with no transaction open.
     */
    public record Cited(List<ArticleCites> articles) {

        /** Nothing to check: the issue is not a DRAFT (its submission is refused with the 409 that names its status). */
        static final Cited NONE = new Cited(List.of());

        /** What one article names, in its order (the positions name a missing one: {@code articles[0].taskIds[1]}). */
        public record ArticleCites(List<UUID> taskIds, List<UUID> honorIds) {
        }

        static Cited of(Bulletin b) {
            return new Cited(b.articles.stream().map(a -> new ArticleCites(List.copyOf(a.taskIds), List.copyOf(a.honorIds))).toList());
        }

        /**
         * Whether every task and honor {@code now} names is among these, found when these were checked:
         * an issue that names the same references, or fewer, needs no new check.
         */
        boolean cover(Cited now) {
            return tasks().containsAll(now.tasks()) && honors().containsAll(now.honors());
        }

        private Set<UUID> tasks() {
            return articles.stream().flatMap(a -> a.taskIds().stream()).collect(Collectors.toSet());
        }

        private Set<UUID> honors() {
            return articles.stream().flatMap(a -> a.honorIds().stream()).collect(Collectors.toSet());
        }
    }

    /**
     * Every task and honor an article names must exist: a 400 naming each missing one
     * ({@code articles[0].taskIds[1]}); a 503 naming the service that could not answer. Remote calls:
     * never made inside a transaction.
     */
    public void requireExisting(Cited cited) {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (int i = 0; i < cited.articles().size(); i++) {
            Cited.ArticleCites a = cited.articles().get(i);
            for (int j = 0; j < a.taskIds().size(); j++) {
                UUID id = a.taskIds().get(j);
                if (lookup("task-service", () -> peers.task(id)) == Peers.Found.MISSING) {
                    missing.add(new Problem.FieldError("articles[" + i + "].taskIds[" + j + "]", "任务不存在 (no such task in task-service): " + id));
                }
            }
            for (int j = 0; j < a.honorIds().size(); j++) {
                UUID id = a.honorIds().get(j);
                if (lookup("honors-service", () -> peers.honor(id)) == Peers.Found.MISSING) {
                    missing.add(new Problem.FieldError("articles[" + i + "].honorIds[" + j + "]", "荣誉不存在 (no such honor in honors-service): " + id));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
    }

    /**
     * The names of the members of an issue's {@code lists}, per part in list order, without repeats;
     * empty when the issue names no list, or when distribution-service cannot answer now (the caller
     * then keeps the names it has). A remote call: never made inside a transaction.
     */
    public Optional<Map<DistributionPart, List<String>>> listedNames(UUID bulletinId, Map<DistributionPart, List<UUID>> lists) {
        if (lists.values().stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        Map<DistributionPart, List<String>> names = new EnumMap<>(DistributionPart.class);
        try {
            // every list of the issue in one call, whatever their number and size
            Map<UUID, DistributionListMembers> found = peers.distributionLists(lists.values().stream().flatMap(List::stream).toList());
            for (DistributionPart part : DistributionPart.values()) {
                Set<String> partNames = new LinkedHashSet<>();
                for (UUID listId : lists.getOrDefault(part, List.of())) {
                    DistributionListMembers list = found.get(listId);
                    if (list != null) {
                        list.members().forEach(m -> partNames.add(m.name()));
                    }
                }
                if (!partNames.isEmpty()) {
                    names.put(part, List.copyOf(partNames));
                }
            }
            return Optional.of(names);
        } catch (PeerCall.Unavailable | TimeoutException | CircuitBreakerOpenException e) {
            LOG.warnf("bulletin %s: distribution-service did not answer (%s); the 报/送/发 names stored with the issue are kept",
                    bulletinId, e.getMessage());
            return Optional.empty();
        }
    }

    private static Peers.Found lookup(String service, java.util.function.Supplier<Peers.Found> call) {
        try {
            return call.get();
        } catch (PeerCall.Unavailable | TimeoutException | CircuitBreakerOpenException e) {
            throw ProblemException.unavailable(service + " 暂时无法核对引用，请稍后再送审 (could not be reached to check the references; "
                    + "submit again later)");
        }
    }
}
