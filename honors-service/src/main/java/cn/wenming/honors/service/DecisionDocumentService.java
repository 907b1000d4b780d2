package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Hibernate;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;

/**
 * Decision documents, and what they do to many honors at once: name them, publicize all those
 * still nominated, and confer all those publicized. A document moves all its honors or none: one
 * honor that cannot move (its window is open, an objection is unresolved, it was never publicized)
 * stops the whole conferral, and the 409 names each. The document's row is locked, then its
 * honors' rows in id order, so two conferrals never cross.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class DecisionDocumentService {

    private static final String NUMBER_UNIQUE = "decision_document_number_unique";
    private static final int BLOCKERS_SHOWN = 20;

    @Inject
    Clock clock;

    @Inject
    HonorService honors;

    @Inject
    HonorHistory history;

    @Inject
    Idempotency idempotency;

    /** A document to record as asked for: what it says, who asks, the Idempotency-Key if any. */
    public record CreateDocument(DecisionDocumentInput input, String actor, String idempotencyKey) {
    }

    /** A conferral of all a document's honors as asked for: the document at the version expected, who asks, the Idempotency-Key if any. */
    public record ConferDocument(UUID documentId, ExpectedVersion expected, String actor, String idempotencyKey) {
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(SUPPORTS)
    public Optional<DecisionDocument> find(UUID id) {
        return DecisionDocument.findByIdOptional(id);
    }

    /** One page ({@code limit + 1} rows) by date, newest first unless {@code descending} is false. */
    @Transactional(SUPPORTS)
    public List<DecisionDocument> list(PageRequest page, boolean descending, UUID programId) {
        var q = new ListQuery().filter("program.id = :program", "program", programId)
                .after(page, "issuedOn", descending, ListQuery::date);
        return DecisionDocument.<DecisionDocument>find(q.hql("issuedOn", descending), q.params()).page(0, page.fetchSize()).list();
    }

    public static String sortKey(DecisionDocument d) {
        return d.issuedOn.toString();
    }

    /** How many honors each document names, per status, for a whole page in one query. */
    @Transactional(SUPPORTS)
    public Map<UUID, Map<HonorStatus, Long>> counts(List<UUID> ids) {
        Map<UUID, Map<HonorStatus, Long>> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Honor.getEntityManager().createQuery(
                "select h.decisionDocument.id, h.status, count(h) from Honor h where h.decisionDocument.id in :ids "
                        + "group by h.decisionDocument.id, h.status", Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(HonorStatus.class)).put((HonorStatus) row[1], (Long) row[2]);
        }
        return counts;
    }

    // ---- writes ------------------------------------------------------------------------------

    /**
     * Records a document once per Idempotency-Key (a retry gets the first answer, nothing is done
     * again); {@code answer} is what the caller answers with the new document. The transaction is
     * this method's, and the key's record is written in it.
     */
    @Transactional(REQUIRED)
    public Idempotency.Answer create(CreateDocument c, Function<DecisionDocument, Idempotency.Answer> answer) {
        return idempotency.once(c.idempotencyKey(), c.actor(), "create-document", c.input(), () -> answer.apply(create(c.input(), c.actor())));
    }

    public DecisionDocument create(DecisionDocumentInput in, String actor) {
        DecisionDocument d = new DecisionDocument();
        d.id = UUID.randomUUID();
        d.createdBy = actor;
        d.createdAt = Instant.now(clock);
        d.updatedAt = d.createdAt;
        apply(d, in);
        Constraints.flushOrConflict(d::persistAndFlush, NUMBER_UNIQUE, () -> numberTaken(d.number));
        return loaded(d);
    }

    /** Corrects a document, until it has conferred an honor: from then on it is on record. */
    public DecisionDocument update(UUID id, ExpectedVersion expected, DecisionDocumentInput in, String actor) {
        DecisionDocument d = locked(id, expected);
        if (Honor.count("decisionDocument = ?1 and status in ?2", d, List.of(HonorStatus.CONFERRED, HonorStatus.REVOKED)) > 0) {
            throw ProblemException.conflict("已依据此文件授予荣誉，文件已存档，不能修改 (the document has conferred honors: it is on record and cannot change)");
        }
        apply(d, in);
        if (d.program != null && Honor.count("decisionDocument = ?1 and program <> ?2", d, d.program) > 0) {
            throw ProblemException.invalid("programId", "此文件已列入其他项目的荣誉 (the document names honors of another program)");
        }
        d.updatedAt = Instant.now(clock);
        Constraints.flushOrConflict(() -> DecisionDocument.flush(), NUMBER_UNIQUE, () -> numberTaken(d.number));
        return loaded(d);
    }

    /** Names honors not yet conferred in the document (an honor named by another moves to this one). */
    public DecisionDocument attach(UUID id, ExpectedVersion expected, List<UUID> honorIds, String actor) {
        DecisionDocument d = locked(id, expected);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < honorIds.size(); i++) {
            if (!seen.add(honorIds.get(i))) {
                throw ProblemException.invalid("honorIds[" + i + "]", "重复 (listed twice)");
            }
        }
        Map<UUID, Honor> found = lockHonors("id in ?1", honorIds).stream().collect(Collectors.toMap(h -> h.id, Function.identity()));
        for (int i = 0; i < honorIds.size(); i++) {
            Honor h = found.get(honorIds.get(i));
            if (h == null) {
                throw ProblemException.invalid("honorIds[" + i + "]", "没有这个荣誉 (no such honor)");
            }
            if (d.program != null && !d.program.id.equals(h.program.id)) {
                throw ProblemException.invalid("honorIds[" + i + "]", "此文件只授予“" + d.program.name + "” (the document names honors of another program)");
            }
            if (h.status != HonorStatus.NOMINATED && h.status != HonorStatus.PUBLICIZING) {
                throw h.wrongStatus("只有授予前的荣誉可以列入决定文件 (only a NOMINATED or PUBLICIZING honor can be named): " + h.recipientName);
            }
        }
        for (UUID honorId : honorIds) {
            Honor h = found.get(honorId);
            h.decisionDocument = d;
            h.updatedAt = Instant.now(clock);
            history.record(h, actor, "attach", h.status, "《" + d.title + "》");
        }
        d.updatedAt = Instant.now(clock);
        return loaded(d);
    }

    /** Publicizes every honor of the document still NOMINATED, with one window. */
    public List<Honor> publicize(UUID id, ExpectedVersion expected, LocalDate start, LocalDate end, String actor) {
        DecisionDocument d = locked(id, expected);
        HonorRules.check(HonorRules.windowViolations(start, end));
        List<Honor> nominated = lockHonors("decisionDocument = ?1 and status = ?2", d, HonorStatus.NOMINATED);
        if (nominated.isEmpty()) {
            throw ProblemException.conflict("此文件没有提名中的荣誉可公示 (the document names no NOMINATED honor)");
        }
        nominated.forEach(h -> honors.publicize(h, start, end, actor));
        d.updatedAt = Instant.now(clock);
        loaded(d);
        return byRecipient(nominated);
    }

    /**
     * Confers every honor of the document not yet conferred, withdrawn or revoked, all at once or
     * none: each must be PUBLICIZING, past its window, without unresolved objections, and the
     * document dated after its window. Once per Idempotency-Key (a retry gets the first answer,
     * nothing is done again); {@code answer} is what the caller answers with the honors conferred.
     * The transaction is this method's, and the key's record is written in it.
     */
    @Transactional(REQUIRED)
    public Idempotency.Answer confer(ConferDocument c, Function<List<Honor>, Idempotency.Answer> answer) {
        return idempotency.once(c.idempotencyKey(), c.actor(), "confer-document:" + c.documentId(), "",
                () -> answer.apply(confer(c.documentId(), c.expected(), c.actor())));
    }

    private List<Honor> confer(UUID id, ExpectedVersion expected, String actor) {
        DecisionDocument d = locked(id, expected);
        List<Honor> pending = lockHonors("decisionDocument = ?1 and status in ?2", d,
                List.of(HonorStatus.NOMINATED, HonorStatus.PUBLICIZING));
        if (pending.isEmpty()) {
            throw ProblemException.conflict("此文件没有待授予的荣誉 (the document names no honor awaiting conferral)");
        }
        LocalDate today = honors.today();
        List<String> blockers = new ArrayList<>();
        for (Honor h : byRecipient(pending)) {
            HonorRules.conferralBlocker(h, d, today).ifPresent(reason -> blockers.add(h.recipientName + "：" + reason));
        }
        if (!blockers.isEmpty()) {
            String shown = String.join("；", blockers.subList(0, Math.min(blockers.size(), BLOCKERS_SHOWN)))
                    + (blockers.size() > BLOCKERS_SHOWN ? "；等 " + blockers.size() + " 项" : "");
            throw ProblemException.conflict("有 " + blockers.size() + " 项荣誉不能授予，均未授予 (" + blockers.size()
                    + " honor(s) cannot be conferred, so none was): " + shown);
        }
        pending.forEach(h -> honors.confer(h, d, actor));
        d.updatedAt = Instant.now(clock);
        loaded(d);
        return byRecipient(pending);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private DecisionDocument locked(UUID id, ExpectedVersion expected) {
        DecisionDocument d = DecisionDocument.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("决定文件 (decision document)", id);
        }
        expected.check(d.version);
        return d;
    }

    /** Honors locked in id order, the same order for every writer, so none waits on another in a circle. */
    private static List<Honor> lockHonors(String where, Object... params) {
        return Honor.<Honor>find(where + " order by id", params).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static List<Honor> byRecipient(List<Honor> honors) {
        return honors.stream().sorted(Comparator.comparing((Honor h) -> h.recipientName).thenComparing(h -> h.id)).toList();
    }

    private static DecisionDocument loaded(DecisionDocument d) {
        DecisionDocument.flush();
        Hibernate.initialize(d.program);
        return d;
    }

    private void apply(DecisionDocument d, DecisionDocumentInput in) {
        if (in.issuedOn().isAfter(honors.today())) {
            throw ProblemException.invalid("issuedOn", "不能是将来的日期 (cannot be in the future)");
        }
        String number = number(in.number());
        if (number != null && DecisionDocument.numberTaken(number, d.id)) {
            throw numberTaken(number);
        }
        d.title = in.title().strip();
        d.number = number;
        d.issuedOn = in.issuedOn();
        d.issuer = HonorRules.strip(in.issuer());
        d.program = in.programId() == null ? null : HonorProgram.<HonorProgram>findByIdOptional(in.programId())
                .orElseThrow(() -> ProblemException.invalid("programId", "没有这个表彰项目 (no such honor program)"));
    }

    /** 京文明委[2020]3号 and 京文明委［2020］3号 are written 京文明委〔2020〕3号. */
    static String number(String raw) {
        String n = HonorRules.strip(raw);
        return n == null ? null : n.replace('[', '〔').replace('［', '〔').replace(']', '〕').replace('］', '〕');
    }

    private static ProblemException numberTaken(String number) {
        return ProblemException.conflict("文号 " + number + " 已被另一份决定文件使用 (another decision document has this number)");
    }
}
