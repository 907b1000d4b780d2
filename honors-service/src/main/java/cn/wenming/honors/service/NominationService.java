package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/**
 * Nominations (提名) and their edits: what a nomination says is checked against its program's rules
 * ({@link HonorRules}), and a recipient holds (or is nominated for) a program's session or year once.
 * What happens to an honor after that is {@link HonorService}'s.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class NominationService {

    static final String RECIPIENT_ONCE = "honor_recipient_once";

    /** A nomination as asked for: what it says, who asks, and the Idempotency-Key if any. */
    public record Nominate(HonorInput input, String actor, String idempotencyKey) {
    }

    @Inject
    Clock clock;

    @Inject
    HonorService honors;

    @Inject
    HonorHistory history;

    @Inject
    Idempotency idempotency;

    /**
     * Nominates once per Idempotency-Key (a retry gets the first answer, nothing is done again);
     * {@code answer} is what the caller answers with the new honor. The transaction is this
     * method's, and the key's record is written in it.
     */
    @Transactional(REQUIRED)
    public Idempotency.Answer nominate(Nominate n, Function<Honor, Idempotency.Answer> answer) {
        return idempotency.once(n.idempotencyKey(), n.actor(), "nominate", n.input(), () -> answer.apply(nominate(n.input(), n.actor())));
    }

    /** Nominates: a new NOMINATED honor, checked against its program's rules and the duplicate guard. */
    private Honor nominate(HonorInput in, String actor) {
        HonorProgram program = program(in.programId());
        HonorRules.check(HonorRules.violations(in, program));
        Honor h = new Honor();
        h.id = UUID.randomUUID();
        h.status = HonorStatus.NOMINATED;
        h.createdBy = actor;
        h.createdAt = Instant.now(clock);
        h.updatedAt = h.createdAt;
        DecisionDocument d = HonorService.document(in.decisionDocumentId(), program);
        guardDuplicate(in, program, h.id);
        apply(h, in, program, d);
        Constraints.flushOrConflict(h::persistAndFlush, RECIPIENT_ONCE, () -> duplicate(h));
        history.record(h, actor, "nominate", null, null);
        return HonorService.loaded(h);
    }

    /** Replaces what the nomination says; only while NOMINATED. */
    public Honor update(UUID id, ExpectedVersion expected, HonorInput in, String actor) {
        Honor h = honors.locked(id, expected);
        h.require(HonorStatus.NOMINATED, "只有提名中的荣誉可以修改 (only a NOMINATED honor can be edited)");
        HonorProgram program = program(in.programId());
        HonorRules.check(HonorRules.violations(in, program));
        DecisionDocument d = HonorService.document(in.decisionDocumentId(), program);
        guardDuplicate(in, program, h.id);
        apply(h, in, program, d);
        h.updatedAt = Instant.now(clock);
        Constraints.flushOrConflict(() -> Honor.flush(), RECIPIENT_ONCE, () -> duplicate(h));
        history.record(h, actor, "update", HonorStatus.NOMINATED, null);
        return HonorService.loaded(h);
    }

    static HonorProgram program(UUID id) {
        return HonorProgram.<HonorProgram>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid("programId", "没有这个表彰项目 (no such honor program)"));
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
