package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.DecisionDocument;

/** The decision document an honor names: enough to cite it. */
@Schema(name = "DocumentRef")
public record DocumentRef(
        @Schema(example = "9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13") UUID id,
        @Schema(example = "关于表彰第七届首都道德模范的决定") String title,
        @Schema(example = "京文明委〔2020〕3号") String number,
        @Schema(example = "2020-04-17") LocalDate issuedOn) {

    static DocumentRef of(DecisionDocument d) {
        return d == null ? null : new DocumentRef(d.id, d.title, d.number, d.issuedOn);
    }
}
