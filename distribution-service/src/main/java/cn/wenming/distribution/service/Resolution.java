package cn.wenming.distribution.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.Part;

/**
 * The pure rule that turns lists and one-off additions into recipients: a body named several
 * times receives one copy under the highest part (报 before 送 before 发) and keeps the names of
 * everything that named it.
 */
public final class Resolution {

    /** A list as the rule needs it. */
    public record NamedList(String name, Part part, List<UUID> members) {
    }

    /** One recipient: its part and what named it. */
    public record Recipient(UUID organizationId, Part part, List<String> namedBy) {
    }

    private Resolution() {
    }

    /** Recipients in order: lists by part (highest first, then as given), then additions. */
    public static List<Recipient> resolve(List<NamedList> lists, Map<UUID, Part> additions) {
        Map<UUID, Part> parts = new LinkedHashMap<>();
        Map<UUID, List<String>> names = new LinkedHashMap<>();
        List<NamedList> ordered = new ArrayList<>(lists);
        ordered.sort(Comparator.comparing(NamedList::part));
        for (NamedList list : ordered) {
            for (UUID member : list.members()) {
                parts.merge(member, list.part(), Part::higher);
                List<String> by = names.computeIfAbsent(member, m -> new ArrayList<>());
                if (!by.contains(list.name())) {
                    by.add(list.name());
                }
            }
        }
        additions.forEach((organization, part) -> {
            parts.merge(organization, part, Part::higher);
            names.computeIfAbsent(organization, m -> new ArrayList<>()).add(Delivery.ADDITION);
        });
        return parts.entrySet().stream().map(e -> new Recipient(e.getKey(), e.getValue(), List.copyOf(names.get(e.getKey())))).toList();
    }
}
