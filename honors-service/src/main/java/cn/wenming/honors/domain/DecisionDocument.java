package cn.wenming.honors.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;

/**
 * A decision document (决定, 通报) that confers or names many honors at once, e.g.
 * 《关于表彰第七届首都道德模范的决定》. Its date is the conferral date of the honors it confers.
 */
@Entity
@Table(name = "decision_document")
public class DecisionDocument extends Recorded {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String title;

    /** e.g. 京文明委〔2020〕3号; unique when given. */
    @Column(length = 50)
    public String number;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** e.g. 首都精神文明建设委员会 */
    @Column(length = 100)
    public String issuer;

    /** When set, the document names honors of this program only. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    public HonorProgram program;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    public static boolean numberTaken(String number, UUID except) {
        return count("number = ?1 and id <> ?2", number, except == null ? new UUID(0, 0) : except) > 0;
    }
}
