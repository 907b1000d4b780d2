package cn.wenming.bulletin.service;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;

/** Loading an issue and its series the way every change of an issue does (drafting, workflow, publication). */
final class Issues {

    private Issues() {
    }

    /** The issue at the version the caller expects: 404 when there is none, 412 when it moved on. */
    static Bulletin current(UUID id, ExpectedVersion expected) {
        Bulletin b = Bulletin.<Bulletin>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
        expected.check(b.version);
        return b;
    }

    /**
     * Loads what the answer shows while the transaction is open: a write's entity is detached when
     * the method returns.
     */
    static Bulletin loaded(Bulletin b) {
        // flushed here so the answer carries the new version, and a clash surfaces as a problem
        Bulletin.flush();
        org.hibernate.Hibernate.initialize(b.series);
        org.hibernate.Hibernate.initialize(b.articles);
        return b;
    }

    static BulletinSeries series(UUID id) {
        return BulletinSeries.<BulletinSeries>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid("seriesId", "没有这个简报系列 (no such series)"));
    }

    /** The series, locked until the transaction ends: numbers of one series are assigned one publication at a time. */
    static BulletinSeries lockSeries(UUID id) {
        BulletinSeries s = BulletinSeries.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.invalid("seriesId", "没有这个简报系列 (no such series)");
        }
        return s;
    }
}
