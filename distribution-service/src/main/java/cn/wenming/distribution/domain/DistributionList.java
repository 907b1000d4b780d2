package cn.wenming.distribution.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;

/** A named, ordered list of organizations for one part of the 报/送/发 block, e.g. 简报常用名单·报. */
@Entity
@Table(name = "distribution_list")
public class DistributionList extends Recorded {

    public static final String NAME_UNIQUE = "distribution_list_name_unique";

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Part type;

    /** The members' organization ids, in order. */
    @ElementCollection
    @CollectionTable(name = "distribution_list_member", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "position")
    @Column(name = "organization_id", nullable = false)
    public List<UUID> members = new ArrayList<>();

    public static boolean nameTaken(String name, UUID other) {
        return other == null ? count("name", name) > 0 : count("name = ?1 and id <> ?2", name, other) > 0;
    }
}
