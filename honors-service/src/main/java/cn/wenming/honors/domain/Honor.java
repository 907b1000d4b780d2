package cn.wenming.honors.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;
import cn.wenming.common.problem.ProblemException;

/**
 * One honor: a program, its session or year, category and level, the recipient (a person or a
 * body) with its district, the citation (事迹), and where it stands in its lifecycle.
 */
@Entity
@Table(name = "honor")
public class Honor extends Recorded {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public HonorProgram program;

    /** 第N届, for programs awarded by session. */
    public Integer session;

    /** 年度, for programs awarded by year (optional for session programs). */
    public Integer year;

    /** The program's round: the session for SESSION programs, the year for YEAR programs. */
    @Column(nullable = false)
    public int period;

    @Column(length = 30)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HonorLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false, length = 16)
    public RecipientKind recipientKind;

    @Column(name = "recipient_name", nullable = false, length = 100)
    public String recipientName;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public Gender gender;

    /** A person's work unit (工作单位); null for a body. */
    @Column(name = "work_unit", length = 100)
    public String workUnit;

    /** Who the recipient is, for the duplicate guard: kind, name, work unit and district. */
    @Column(name = "recipient_key", nullable = false, length = 400)
    public String recipientKey;

    @Column(nullable = false, length = 8)
    public String district;

    /** 事迹 */
    @Column(nullable = false, columnDefinition = "text")
    public String citation;

    /** 推荐单位; not public. */
    @Column(name = "nominated_by", length = 100)
    public String nominatedBy;

    /** The nominee's contact (phone, address); never public. */
    @Column(length = 100)
    public String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public HonorStatus status;

    @Column(name = "publicity_start")
    public LocalDate publicityStart;

    @Column(name = "publicity_end")
    public LocalDate publicityEnd;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_document_id")
    public DecisionDocument decisionDocument;

    @Column(name = "conferred_on")
    public LocalDate conferredOn;

    /** For a unit title: the day it lapses (it is held until the day before). */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    @Column(name = "withdrawal_reason", length = 500)
    public String withdrawalReason;

    @Column(name = "revocation_reason", length = 500)
    public String revocationReason;

    /** Objections not yet resolved; kept with the objections under the honor's row lock. */
    @Column(name = "open_objections", nullable = false)
    public int openObjections;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /** Moves to {@code target} or refuses with a 409 that names the current status and the rule. */
    public void moveTo(HonorStatus target) {
        requireCanBecome(target);
        status = target;
    }

    /** Refuses with a 409 naming the current status and the rule unless it may become {@code target}. */
    public void requireCanBecome(HonorStatus target) {
        if (!status.canBecome(target)) {
            throw wrongStatus(HonorStatus.ruleFor(target));
        }
    }

    /** Refuses with a 409 unless the honor is in {@code required}. */
    public void require(HonorStatus required, String rule) {
        if (status != required) {
            throw wrongStatus(rule);
        }
    }

    /** A 409 naming the current status and the rule it breaks. */
    public ProblemException wrongStatus(String rule) {
        return ProblemException.conflict("荣誉当前状态为 " + status + "：" + rule + " (the honor is " + status + ")");
    }

    /** Whether a title held for a term has lapsed by {@code today}. */
    public boolean expired(LocalDate today) {
        return expiresOn != null && !today.isBefore(expiresOn);
    }
}
