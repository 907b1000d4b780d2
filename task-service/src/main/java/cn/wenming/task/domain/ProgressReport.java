package cn.wenming.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A progress report of a task by a lead or co-operating unit: date, percent complete, text. Never changed. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "task_id")
    public Task task;

    @Column(name = "report_date", nullable = false)
    public LocalDate reportDate;

    @Column(nullable = false, length = 100)
    public String unit;

    @Column(nullable = false)
    public int percent;

    @Column(nullable = false, length = 2000)
    public String text;

    @Column(length = 500)
    public String reason;

    /** Who posted it (the token's upn). */
    @Column(name = "reported_by", nullable = false, length = 100)
    public String reportedBy;

    // not a persistence.Recorded: a report is never changed, so its table has neither updated_at nor version
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The reports of a task, oldest first. */
    public static List<ProgressReport> ofTask(UUID taskId) {
        return find("task.id = ?1 order by reportDate, createdAt", taskId).list();
    }
}
