package cn.wenming.honors.service;

import java.time.LocalDate;
import java.util.UUID;

import cn.wenming.common.page.ListQuery;
import cn.wenming.honors.domain.HonorStatus;
import cn.wenming.honors.domain.RecipientKind;

/**
 * The filters of the honor lists, each null for any: the staff list takes all of them, the public
 * roll the first six (it is always CONFERRED and unexpired).
 */
public record HonorFilter(UUID programId, Integer session, Integer year, String category, String district,
        RecipientKind recipientKind, HonorStatus status, UUID decisionDocumentId, LocalDate expiresBefore) {

    /** The filters the public roll offers. */
    public static HonorFilter roll(UUID programId, Integer session, Integer year, String category, String district,
            RecipientKind recipientKind) {
        return new HonorFilter(programId, session, year, category, district, recipientKind, null, null, null);
    }

    /** Adds the filters that are set to {@code q}. */
    ListQuery applyTo(ListQuery q) {
        return q.filter("program.id = :program", "program", programId)
                .filter("session = :session", "session", session)
                .filter("year = :year", "year", year)
                .filter("category = :category", "category", category)
                .filter("district = :district", "district", district)
                .filter("recipientKind = :kind", "kind", recipientKind)
                .filter("status = :status", "status", status)
                .filter("decisionDocument.id = :document", "document", decisionDocumentId)
                .filter("expiresOn < :expiresBefore", "expiresBefore", expiresBefore);
    }
}
