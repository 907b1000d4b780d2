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
import jakarta.transaction.Transactional;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.Objection;
import cn.wenming.honors.domain.ObjectionResolution;

/**
 * Objections (异议) to an honor: recorded while it is publicized, on a day of its window, and
 * resolved before it can be conferred. UPHELD withdraws the nomination; DISMISSED lets it proceed.
 * Both lock the honor's row and move its version, so a conferral never crosses them.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class ObjectionService {

    /** An objection and the honor after it (whose version is the answer's ETag). */
    public record Outcome(Objection objection, Honor honor) {
    }

    /** An objection to record as asked for: the honor at the version expected, what it says, who asks, the Idempotency-Key if any. */
    public record RecordObjection(UUID honorId, ExpectedVersion expected, ObjectionInput input, String actor, String idempotencyKey) {
    }

    @Inject
    Clock clock;

    @Inject
    HonorService honors;

    @Inject
    HonorHistory history;

    @Inject
    Idempotency idempotency;

    @Transactional(SUPPORTS)
    public List<Objection> of(UUID honorId) {
        return Objection.list("honorId = ?1 order by createdAt, id", honorId);
    }

    @Transactional(SUPPORTS)
    public Optional<Objection> find(UUID honorId, UUID id) {
        return Objection.<Objection>findByIdOptional(id).filter(o -> o.honorId.equals(honorId));
    }

    /**
     * Records an objection once per Idempotency-Key (a retry gets the first answer, nothing is done
     * again); {@code answer} is what the caller answers with the outcome. The transaction is this
     * method's, and the key's record is written in it.
     */
    @Transactional(REQUIRED)
    public Idempotency.Answer record(RecordObjection r, Function<Outcome, Idempotency.Answer> answer) {
        return idempotency.once(r.idempotencyKey(), r.actor(), "objection:" + r.honorId(), r.input(),
                () -> answer.apply(record(r.honorId(), r.expected(), r.input(), r.actor())));
    }

    private Outcome record(UUID honorId, ExpectedVersion expected, ObjectionInput in, String actor) {
        Honor h = honors.locked(honorId, expected);
        h.require(HonorStatus.PUBLICIZING, "异议只能在公示期间提出 (objections are raised while the honor is PUBLICIZING)");
        LocalDate today = honors.today();
        LocalDate received = in.receivedOn() == null ? today : in.receivedOn();
        if (received.isAfter(today)) {
            throw ProblemException.invalid("receivedOn", "不能是将来的日期 (cannot be in the future)");
        }
        if (received.isBefore(h.publicityStart) || received.isAfter(h.publicityEnd)) {
            throw ProblemException.conflict("异议须在公示期 " + h.publicityStart + " 至 " + h.publicityEnd + " 内提出，收到日期为 " + received
                    + " (objections are taken during the publicity window)");
        }
        Objection o = new Objection();
        o.id = UUID.randomUUID();
        o.honorId = h.id;
        o.receivedOn = received;
        o.objector = HonorRules.strip(in.objector());
        o.objectorContact = HonorRules.strip(in.objectorContact());
        o.content = in.content().strip();
        o.recordedBy = actor;
        o.createdAt = Instant.now(clock);
        o.persist();
        h.openObjections++;
        h.updatedAt = o.createdAt;
        history.record(h, actor, "objection", h.status, o.id.toString());
        return new Outcome(o, HonorService.loaded(h));
    }

    public Outcome resolve(UUID honorId, UUID objectionId, ExpectedVersion expected, ObjectionResolution resolution, String note, String actor) {
        Honor h = honors.locked(honorId, expected);
        Objection o = find(honorId, objectionId).orElseThrow(() -> ProblemException.notFound("异议 (objection)", objectionId));
        if (!o.open()) {
            throw ProblemException.conflict("此异议已处理为 " + o.resolution + " (the objection is resolved already: " + o.resolution + ")");
        }
        o.resolution = resolution;
        o.resolutionNote = note.strip();
        o.resolvedBy = actor;
        o.resolvedAt = Instant.now(clock);
        h.openObjections--;
        h.updatedAt = o.resolvedAt;
        history.record(h, actor, "objection-resolved", h.status, o.id + " " + resolution + ": " + o.resolutionNote);
        if (resolution == ObjectionResolution.UPHELD && h.status.canBecome(HonorStatus.WITHDRAWN)) {
            honors.withdraw(h, "异议成立 (objection upheld): " + o.resolutionNote, actor);
        }
        return new Outcome(o, HonorService.loaded(h));
    }
}
