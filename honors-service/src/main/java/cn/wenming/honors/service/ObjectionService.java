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
import jakarta.transaction.Transactional;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.Objection;
import cn.wenming.honors.domain.ObjectionResolution;
import cn.wenming.honors.rest.ObjectionInput;

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

    @Inject
    Clock clock;

    @Inject
    HonorService honors;

    @Inject
    HonorHistory history;

    @Transactional(SUPPORTS)
    public List<Objection> of(UUID honorId) {
        return Objection.list("honorId = ?1 order by createdAt, id", honorId);
    }

    @Transactional(SUPPORTS)
    public Optional<Objection> find(UUID honorId, UUID id) {
        return Objection.<Objection>findByIdOptional(id).filter(o -> o.honorId.equals(honorId));
    }

    public Outcome record(UUID honorId, String ifMatch, ObjectionInput in, String actor) {
        Honor h = honors.locked(honorId, ifMatch);
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

    public Outcome resolve(UUID honorId, UUID objectionId, String ifMatch, ObjectionResolution resolution, String note, String actor) {
        Honor h = honors.locked(honorId, ifMatch);
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
