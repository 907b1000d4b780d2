package cn.wenming.bulletin.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.Revision;

/**
 * Records each change of an issue as a revision. Field changes are found by comparing the
 * issue's editable content (as JSON) before and after.
 */
@ApplicationScoped
public class Revisions {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The fields an editor can change, as JSON values, to compare before and after. */
    public Map<String, Object> snapshot(Bulletin b) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("issueDate", b.issueDate);
        s.put("editor", b.editor);
        s.put("reviewer", b.reviewer);
        s.put("printRun", b.printRun);
        s.put("distribution", b.distribution);
        s.put("distributionLists", b.distributionLists);
        s.put("additions", b.additions);
        s.put("articles", b.articles.stream().map(a -> Map.of("id", a.id, "title", a.title,
                "source", a.source == null ? "" : a.source, "paragraphs", a.paragraphs, "taskIds", a.taskIds,
                "honorIds", a.honorIds)).toList());
        return json.convertValue(s, MAP);
    }

    /** Records the fields that differ between two snapshots; nothing when nothing changed. */
    public void changed(Bulletin b, String actor, String action, Map<String, Object> before, Map<String, Object> after) {
        List<Revision.FieldChange> changes = new ArrayList<>();
        for (String field : new TreeSet<>(after.keySet())) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new Revision.FieldChange(field, before.get(field), after.get(field)));
            }
        }
        if (!changes.isEmpty()) {
            record(b.id, actor, action, changes);
        }
    }

    public void record(UUID bulletinId, String actor, String action, List<Revision.FieldChange> changes) {
        Revision r = new Revision();
        r.id = UUID.randomUUID();
        r.bulletinId = bulletinId;
        r.at = Instant.now(clock);
        r.actor = actor;
        r.action = action;
        r.changes = new ArrayList<>(changes);
        r.persist();
    }

    public List<Revision> of(UUID bulletinId) {
        return Revision.list("bulletinId = ?1 order by at, id", bulletinId);
    }
}
