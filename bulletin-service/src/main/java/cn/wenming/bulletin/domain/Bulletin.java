package cn.wenming.bulletin.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.wenming.common.persistence.Recorded;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.OfficeTime;

/** An issue of a bulletin series, with its articles and its 报/送/发 block. */
@Entity
@Table(name = "bulletin")
public class Bulletin extends Recorded {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id")
    public BulletinSeries series;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public BulletinStatus status;

    /** The year of the issue number: the issue date's year. Set with the numbers. */
    public Integer year;

    @Column(name = "issue_no")
    public Integer issueNo;

    @Column(name = "cumulative_no")
    public Integer cumulativeNo;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "sort_date", nullable = false)
    LocalDate sortDate;

    @Column(length = 50)
    public String editor;

    @Column(length = 50)
    public String reviewer;

    @Column(name = "print_run")
    public Integer printRun;

    /** Recipient group names per part, as printed (报: 中央文明办, …). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<DistributionPart, List<String>> distribution = new EnumMap<>(DistributionPart.class);

    /** Ids of distribution-service's lists per part. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "distribution_lists", nullable = false)
    public Map<DistributionPart, List<UUID>> distributionLists = new EnumMap<>(DistributionPart.class);

    /** One-off recipients of this issue only (本期增发). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> additions = new ArrayList<>();

    @Column(name = "publish_at")
    public Instant publishAt;

    public boolean historical;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "submitted_by", length = 100)
    public String submittedBy;

    @Column(name = "approved_by", length = 100)
    public String approvedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Why it was last returned or recalled. */
    @Column(name = "status_reason", length = 500)
    public String statusReason;

    @OneToMany(mappedBy = "bulletin", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    public List<Article> articles = new ArrayList<>();

    @PrePersist
    @PreUpdate
    void sortDate() {
        sortDate = issueDate != null ? issueDate : createdAt.atZone(OfficeTime.ZONE).toLocalDate();
    }

    /** Moves to {@code target} or refuses with a 409 that names the current status. */
    public void moveTo(BulletinStatus target) {
        if (!status.canBecome(target)) {
            throw ProblemException.conflict("当前状态为 " + status + "，不能变为 " + target
                    + " (the issue is " + status + "; it cannot become " + target + ")");
        }
        status = target;
    }

    /** Only a draft can be edited. */
    public void requireDraft() {
        if (status != BulletinStatus.DRAFT) {
            throw ProblemException.conflict("当前状态为 " + status + "，只有草稿可以修改 (the issue is " + status
                    + "; only a DRAFT can be edited)");
        }
    }

    public Article article(UUID articleId) {
        return articles.stream().filter(a -> a.id.equals(articleId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("文章 (article)", articleId));
    }

    /** Renumbers articles 1..n in list order. */
    public void renumberArticles() {
        for (int i = 0; i < articles.size(); i++) {
            articles.get(i).seq = i + 1;
        }
    }
}
