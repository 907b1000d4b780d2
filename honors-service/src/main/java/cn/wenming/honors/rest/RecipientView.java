package cn.wenming.honors.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.Gender;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.RecipientKind;

/** The recipient of an honor, as the roll and the staff both see it. */
@Schema(name = "Recipient")
public record RecipientView(
        @Schema(example = "PERSON") RecipientKind kind,
        @Schema(example = "张秀英") String name,
        @Schema(example = "FEMALE") Gender gender,
        @Schema(example = "朝阳区和平街街道樱花园社区居委会") String workUnit) {

    static RecipientView of(Honor h) {
        return new RecipientView(h.recipientKind, h.recipientName, h.gender, h.workUnit);
    }
}
