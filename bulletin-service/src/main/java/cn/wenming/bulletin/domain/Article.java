package cn.wenming.bulletin.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An article of an issue: title, ordered paragraphs, source (本刊), links to tasks and honors. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bulletin_id")
    public Bulletin bulletin;

    /** 1-based position in the issue. */
    @Column(nullable = false)
    public int seq;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 100)
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> paragraphs = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_ids", nullable = false)
    public List<UUID> taskIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "honor_ids", nullable = false)
    public List<UUID> honorIds = new ArrayList<>();
}
