package cn.wenming.bulletin.render;

import static jakarta.transaction.Transactional.TxType.REQUIRES_NEW;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;

/**
 * The database side of {@link PublishedIssueCache}: the table {@code published_json} (V5) that holds each
 * published issue's answer once it was read, and the issues' changes its sweep looks for (V7's index on
 * {@code updated_at}). These queries used to be methods of {@code BulletinService} that served only the cache;
 * they live with the cache, which is their only user, so the workflow's rules do not carry a presentation store.
 */
@ApplicationScoped
public class PublishedJson {

    /** A published issue's answer as stored (gzipped JSON) and the version it is of. */
    public record Stored(byte[] gzipped, long version) {
    }

    /** An issue's state as of a change: what the cache compares with what it keeps. */
    public record Change(UUID id, long version, BulletinStatus status) {
    }

    /** The stored answer of a PUBLISHED issue, if one was stored for its current version. */
    @Transactional(SUPPORTS)
    public Optional<Stored> of(UUID id) {
        List<?> rows = Bulletin.getEntityManager().createNativeQuery("""
                select p.gzipped, b.version from bulletin b join published_json p on p.bulletin_id = b.id and p.version = b.version
                where b.id = ?1 and b.status = 'PUBLISHED'""").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r).map(r -> new Stored((byte[]) r[0], ((Number) r[1]).longValue()));
    }

    /** Stores a published issue's answer for its version; a newer one stored meanwhile is kept. */
    @Transactional(REQUIRES_NEW)
    public void store(UUID id, long version, byte[] gzipped) {
        Bulletin.getEntityManager().createNativeQuery("""
                insert into published_json (bulletin_id, version, gzipped) values (?1, ?2, ?3)
                on conflict (bulletin_id) do update set version = excluded.version, gzipped = excluded.gzipped
                where published_json.version < excluded.version""")
                .setParameter(1, id).setParameter(2, version).setParameter(3, gzipped).executeUpdate();
    }

    /** Issues changed (any status) at or after {@code from}: the cache's sweep. */
    @Transactional(SUPPORTS)
    public List<Change> changedSince(Instant from) {
        return Bulletin.getEntityManager()
                .createQuery("select b.id, b.version, b.status from Bulletin b where b.updatedAt >= :from", Object[].class)
                .setParameter("from", from).getResultStream()
                .map(r -> new Change((UUID) r[0], ((Number) r[1]).longValue(), (BulletinStatus) r[2])).toList();
    }
}
