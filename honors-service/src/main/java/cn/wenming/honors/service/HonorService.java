package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Hibernate;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorEvent;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.ReviewOutcome;

/**
 * The lifecycle of an honor once nominated ({@link NominationService}): publicity, withdrawal,
 * conferral by a decision document, revocation and the review (复查) of unit titles. Every
 * transition locks the honor's row, so a conferral and an objection (or two conferrals) never
 * cross; every step is written to the honor's history.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class HonorService {

    @Inject
    Clock clock;

    @Inject
    HonorHistory history;

    @Inject
    Idempotency idempotency;

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(SUPPORTS)
    public Optional<Honor> find(UUID id) {
        return Honor.findByIdOptional(id);
    }

    /** One page ({@code limit + 1} rows) by creation time, newest first unless {@code descending} is false. */
    @Transactional(SUPPORTS)
    public List<Honor> list(HonorFilter filter, PageRequest page, boolean descending) {
        var q = filter.applyTo(new ListQuery()).after(page, "createdAt", descending, ListQuery::instant);
        return Honor.<Honor>find(q.hql("createdAt", descending), q.params()).page(0, page.fetchSize()).list();
    }

    public static String sortKey(Honor h) {
        return h.createdAt.toString();
    }

    @Transactional(SUPPORTS)
    public List<HonorEvent> history(UUID id) {
        return history.of(id);
    }

    /** Today in Asia/Shanghai, as every rule of this service reckons it. */
    public LocalDate today() {
        return OfficeTime.today(clock);
    }

    // ---- transitions -------------------------------------------------------------------------

    public Honor publicize(UUID id, ExpectedVersion expected, LocalDate start, LocalDate end, String actor) {
        Honor h = locked(id, expected);
        h.requireCanBecome(HonorStatus.PUBLICIZING);
        HonorRules.check(HonorRules.windowViolations(start, end));
        publicize(h, start, end, actor);
        return loaded(h);
    }

    /** NOMINATED → PUBLICIZING with a window already checked; the honor is locked by the caller. */
    void publicize(Honor h, LocalDate start, LocalDate end, String actor) {
        HonorStatus from = h.status;
        h.moveTo(HonorStatus.PUBLICIZING);
        h.publicityStart = start;
        h.publicityEnd = end;
        h.updatedAt = Instant.now(clock);
        history.record(h, actor, "publicize", from, start + " 至 " + end);
    }

    public Honor withdraw(UUID id, ExpectedVersion expected, String reason, String actor) {
        Honor h = locked(id, expected);
        withdraw(h, reason, actor);
        return loaded(h);
    }

    /** → WITHDRAWN (before conferral only); the honor is locked by the caller. */
    void withdraw(Honor h, String reason, String actor) {
        HonorStatus from = h.status;
        h.moveTo(HonorStatus.WITHDRAWN);
        h.withdrawalReason = clip(reason.strip(), 500);
        h.updatedAt = Instant.now(clock);
        history.record(h, actor, "withdraw", from, h.withdrawalReason);
    }

    /** A conferral of one honor as asked for: its input is absent when the request had no body. */
    public record Confer(UUID honorId, ExpectedVersion expected, ConferInput input, String actor, String idempotencyKey) {
    }

    /**
     * Confers one honor once per Idempotency-Key (a retry gets the first answer, nothing is done
     * again); {@code answer} is what the caller answers with the conferred honor. The transaction is
     * this method's, and the key's record is written in it.
     */
    @Transactional(REQUIRED)
    public Idempotency.Answer confer(Confer c, Function<Honor, Idempotency.Answer> answer) {
        UUID document = c.input() == null ? null : c.input().decisionDocumentId();
        return idempotency.once(c.idempotencyKey(), c.actor(), "confer:" + c.honorId(), c.input() == null ? "" : c.input(),
                () -> answer.apply(confer(c.honorId(), c.expected(), document, c.actor())));
    }

    /** Confers one honor by a decision document: the given one, or the one the honor names. */
    private Honor confer(UUID id, ExpectedVersion expected, UUID documentId, String actor) {
        Honor h = locked(id, expected);
        UUID wanted = documentId != null ? documentId : h.decisionDocument == null ? null : h.decisionDocument.id;
        if (wanted == null) {
            h.requireCanBecome(HonorStatus.CONFERRED);
            throw ProblemException.invalid("decisionDocumentId", "授予须依据决定文件 (a decision document confers the honor: name it)");
        }
        DecisionDocument d = document(wanted, h.program);
        HonorRules.conferralBlocker(h, d, today()).ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
        confer(h, d, actor);
        return loaded(h);
    }

    /** PUBLICIZING → CONFERRED by {@code d}, whose checks have passed; the honor is locked by the caller. */
    void confer(Honor h, DecisionDocument d, String actor) {
        HonorStatus from = h.status;
        h.moveTo(HonorStatus.CONFERRED);
        h.decisionDocument = d;
        h.conferredOn = d.issuedOn;
        h.expiresOn = h.program.expiryOf(h.conferredOn, h.recipientKind);
        h.updatedAt = Instant.now(clock);
        history.record(h, actor, "confer", from, "《" + d.title + "》" + (d.number == null ? "" : " " + d.number));
    }

    /** CONFERRED → REVOKED with a reason; the honor stays on record and leaves the roll. */
    public Honor revoke(UUID id, ExpectedVersion expected, String reason, String actor) {
        Honor h = locked(id, expected);
        h.moveTo(HonorStatus.REVOKED);
        h.revocationReason = reason.strip();
        h.updatedAt = Instant.now(clock);
        history.record(h, actor, "revoke", HonorStatus.CONFERRED, h.revocationReason);
        return loaded(h);
    }

    /**
     * The review (复查) of a unit title still held: RENEWED holds it for another term counted from
     * the end of the current one; LAPSED ends it today, so it leaves the roll.
     */
    public Honor review(UUID id, ExpectedVersion expected, ReviewOutcome outcome, String note, String actor) {
        Honor h = locked(id, expected);
        h.require(HonorStatus.CONFERRED, "只有已授予的称号可以复查 (only a CONFERRED title can be reviewed)");
        if (h.expiresOn == null) {
            throw ProblemException.conflict("此荣誉不设期限，无需复查 (" + h.program.name
                    + " is not a title held for a term: there is nothing to review)");
        }
        LocalDate today = today();
        if (h.expired(today)) {
            throw ProblemException.conflict("称号已于 " + h.expiresOn + " 期满，不能再复查续期 (the title lapsed on " + h.expiresOn
                    + "; it can no longer be renewed)");
        }
        h.expiresOn = outcome == ReviewOutcome.RENEWED ? h.expiresOn.plusYears(h.program.termYears) : today;
        h.lastReviewedOn = today;
        h.updatedAt = Instant.now(clock);
        history.record(h, actor, "review", HonorStatus.CONFERRED,
                outcome + (note == null || note.isBlank() ? "" : ": " + note.strip()) + "; expiresOn " + h.expiresOn);
        return loaded(h);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The honor, locked for this transaction, at the version {@code expected} names (412 otherwise). */
    Honor locked(UUID id, ExpectedVersion expected) {
        Honor h = Honor.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (h == null) {
            throw ProblemException.notFound("荣誉 (honor)", id);
        }
        expected.check(h.version);
        return h;
    }

    /** Flushes (so the answer carries the new version) and loads what the answer shows. */
    static Honor loaded(Honor h) {
        Honor.flush();
        Hibernate.initialize(h.program);
        Hibernate.initialize(h.decisionDocument);
        return h;
    }

    /** The document, which must name honors of {@code program} (or of any); null for none. */
    static DecisionDocument document(UUID id, HonorProgram program) {
        if (id == null) {
            return null;
        }
        DecisionDocument d = DecisionDocument.<DecisionDocument>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid("decisionDocumentId", "没有这个决定文件 (no such decision document)"));
        if (d.program != null && !d.program.id.equals(program.id)) {
            throw ProblemException.invalid("decisionDocumentId", "此决定文件只授予“" + d.program.name
                    + "” (the document names honors of another program)");
        }
        return d;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }


}
