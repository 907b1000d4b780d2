package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Hibernate;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorEvent;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;
import cn.wenming.honors.domain.ReviewOutcome;
import cn.wenming.honors.rest.HonorInput;

/**
 * The lifecycle of an honor: nomination and its edits, publicity, withdrawal, conferral by a
 * decision document, revocation and the review (复查) of unit titles. Every transition locks the
 * honor's row, so a conferral and an objection (or two conferrals) never cross; every step is
 * written to the honor's history.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class HonorService {

    static final String RECIPIENT_ONCE = "honor_recipient_once";

    @Inject
    Clock clock;

    @Inject
    HonorHistory history;

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

    // ---- nomination --------------------------------------------------------------------------

    public Honor nominate(HonorInput in, String actor) {
        HonorProgram program = program(in.programId());
        HonorRules.check(HonorRules.violations(in, program));
        Honor h = new Honor();
        h.id = UUID.randomUUID();
        h.status = HonorStatus.NOMINATED;
        h.createdBy = actor;
        h.createdAt = Instant.now(clock);
        h.updatedAt = h.createdAt;
        DecisionDocument d = document(in.decisionDocumentId(), program);
        guardDuplicate(in, program, h.id);
        apply(h, in, program, d);
        Constraints.flushOrConflict(h::persistAndFlush, RECIPIENT_ONCE, () -> duplicate(h));
        history.record(h, actor, "nominate", null, null);
        return loaded(h);
    }

    /** Replaces what the nomination says; only while NOMINATED. */
    public Honor update(UUID id, String ifMatch, HonorInput in, String actor) {
        Honor h = locked(id, ifMatch);
        h.require(HonorStatus.NOMINATED, "只有提名中的荣誉可以修改 (only a NOMINATED honor can be edited)");
        HonorProgram program = program(in.programId());
        HonorRules.check(HonorRules.violations(in, program));
        DecisionDocument d = document(in.decisionDocumentId(), program);
        guardDuplicate(in, program, h.id);
        apply(h, in, program, d);
        h.updatedAt = Instant.now(clock);
        Constraints.flushOrConflict(() -> Honor.flush(), RECIPIENT_ONCE, () -> duplicate(h));
        history.record(h, actor, "update", HonorStatus.NOMINATED, null);
        return loaded(h);
    }

    // ---- transitions -------------------------------------------------------------------------

    public Honor publicize(UUID id, String ifMatch, LocalDate start, LocalDate end, String actor) {
        Honor h = locked(id, ifMatch);
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

    public Honor withdraw(UUID id, String ifMatch, String reason, String actor) {
        Honor h = locked(id, ifMatch);
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

    /** Confers one honor by a decision document: the given one, or the one the honor names. */
    public Honor confer(UUID id, String ifMatch, UUID documentId, String actor) {
        Honor h = locked(id, ifMatch);
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
    public Honor revoke(UUID id, String ifMatch, String reason, String actor) {
        Honor h = locked(id, ifMatch);
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
    public Honor review(UUID id, String ifMatch, ReviewOutcome outcome, String note, String actor) {
        Honor h = locked(id, ifMatch);
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

    /** The honor, locked for this transaction, at the version {@code ifMatch} names (412 otherwise). */
    Honor locked(UUID id, String ifMatch) {
        Honor h = Honor.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (h == null) {
            throw ProblemException.notFound("荣誉 (honor)", id);
        }
        ETags.check(ifMatch, h.version);
        return h;
    }

    /** Flushes (so the answer carries the new version) and loads what the answer shows. */
    static Honor loaded(Honor h) {
        Honor.flush();
        Hibernate.initialize(h.program);
        Hibernate.initialize(h.decisionDocument);
        return h;
    }

    static HonorProgram program(UUID id) {
        return HonorProgram.<HonorProgram>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid("programId", "没有这个表彰项目 (no such honor program)"));
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

    private static void apply(Honor h, HonorInput in, HonorProgram program, DecisionDocument d) {
        h.program = program;
        h.session = in.session();
        h.year = in.year();
        h.period = period(in, program);
        h.category = HonorRules.strip(in.category());
        h.level = HonorRules.level(in);
        var r = in.recipient();
        h.recipientKind = r.kind();
        h.recipientName = r.name().strip();
        h.gender = r.gender();
        h.workUnit = r.kind() == RecipientKind.PERSON ? HonorRules.strip(r.workUnit()) : null;
        h.district = in.district().strip();
        h.recipientKey = HonorRules.recipientKey(h.recipientKind, h.recipientName, h.workUnit, h.district);
        h.citation = in.citation().strip();
        h.nominatedBy = HonorRules.strip(in.nominatedBy());
        h.contact = HonorRules.strip(in.contact());
        h.decisionDocument = d;
    }

    /**
     * The duplicate guard: a recipient holds (or is nominated for) a program's session or year once;
     * a withdrawn nomination does not count. Checked here, before anything is written, for a clear
     * 409; a concurrent nomination is stopped by the unique index when the caller flushes.
     */
    private static void guardDuplicate(HonorInput in, HonorProgram program, UUID self) {
        var r = in.recipient();
        String key = HonorRules.recipientKey(r.kind(), r.name(), r.kind() == RecipientKind.PERSON ? r.workUnit() : null, in.district());
        int period = period(in, program);
        if (Honor.count("program = ?1 and period = ?2 and recipientKey = ?3 and status <> ?4 and id <> ?5",
                program, period, key, HonorStatus.WITHDRAWN, self) > 0) {
            throw duplicate(r.name().strip(), program, period);
        }
    }

    private static int period(HonorInput in, HonorProgram program) {
        return program.periodKind == PeriodKind.SESSION ? in.session() : in.year();
    }

    private static ProblemException duplicate(Honor h) {
        return duplicate(h.recipientName, h.program, h.period);
    }

    private static ProblemException duplicate(String name, HonorProgram program, int period) {
        boolean session = program.periodKind == PeriodKind.SESSION;
        return ProblemException.conflict(name + " 已获得或已被提名" + (session ? "第" + period + "届" : period + "年度") + program.name
                + " (this recipient already holds, or is nominated for, " + program.name + " of that " + (session ? "session" : "year") + ")");
    }
}
