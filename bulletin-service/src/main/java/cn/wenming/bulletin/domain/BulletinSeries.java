package cn.wenming.bulletin.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;

/** A publication of the office, e.g. 首都精神文明建设情况简报 issued by 首都精神文明办. */
@Entity
@Table(name = "bulletin_series")
public class BulletinSeries extends Recorded {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String title;

    @Column(name = "issuing_org", nullable = false, length = 100)
    public String issuingOrg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SeriesKind kind;

    @Column(name = "default_editor", length = 50)
    public String defaultEditor;

    @Column(name = "default_reviewer", length = 50)
    public String defaultReviewer;

    @Column(length = 30)
    public String phone;

    @Column(length = 30)
    public String fax;

    @Column(length = 254)
    public String email;

    public static boolean titleTaken(String title) {
        return count("title", title) > 0;
    }
}
