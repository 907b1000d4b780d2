package cn.wenming.task.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;

/** An area (方面) of a plan, e.g. 第一, 深入推进新时代公民道德建设工程, with its description. */
@Entity
@Table(name = "plan_area")
public class PlanArea extends Recorded {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public WorkPlan plan;

    /** 1-based place in the plan: 1 is 第一. */
    @Column(nullable = false)
    public int seq;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 2000)
    public String description;

    /** 第一, 第二, ... */
    public String ordinal() {
        return ChineseNumerals.ordinal(seq);
    }

    /** The areas of a plan in order. */
    public static List<PlanArea> ofPlan(UUID planId) {
        return find("plan.id = ?1 order by seq", planId).list();
    }
}
