package cn.wenming.honors.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorEvent;
import cn.wenming.honors.domain.HonorStatus;

/** Writes each step of an honor's record; nothing is ever removed from it. */
@ApplicationScoped
public class HonorHistory {

    @Inject
    Clock clock;

    /** Records that {@code actor} did {@code action}, moving the honor from {@code from} to its current status. */
    public void record(Honor h, String actor, String action, HonorStatus from, String note) {
        HonorEvent e = new HonorEvent();
        e.id = UUID.randomUUID();
        e.honorId = h.id;
        e.at = Instant.now(clock);
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = h.status;
        e.note = note == null ? null : HonorService.clip(note, 1000);
        e.persist();
    }

    public List<HonorEvent> of(UUID honorId) {
        return HonorEvent.list("honorId = ?1 order by seq", honorId);
    }
}
