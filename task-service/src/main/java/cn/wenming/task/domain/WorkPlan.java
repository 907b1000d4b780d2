package cn.wenming.task.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The office's work plan of one year, e.g. 2020年首都精神文明建设工作 (聚焦四个方面 23项重点任务). */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends PanacheEntityBase {

    /** The unique constraint behind "one plan per year". */
    public static final String YEAR_UNIQUE = "work_plan_year_unique";

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 500)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkPlanStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static boolean yearTaken(int year) {
        return count("year", year) > 0;
    }
}
