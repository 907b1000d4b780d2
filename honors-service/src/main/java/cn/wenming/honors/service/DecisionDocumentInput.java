package cn.wenming.honors.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision document as a client writes it. */
@Schema(name = "DecisionDocumentInput")
public record DecisionDocumentInput(
        @NotBlank @Size(max = 200) @Schema(example = "关于表彰第七届首都道德模范的决定") String title,
        @Pattern(regexp = "^[\\u3400-\\u9FFF\\uF900-\\uFAFFA-Za-z]{1,20}[〔［\\[]\\d{4}[〕］\\]]\\d{1,4}号$",
                message = "须形如 京文明委〔2020〕3号 (must look like 京文明委〔2020〕3号)")
        @Schema(description = "Unique when given; [ ] and ［ ］ are written as 〔 〕", example = "京文明委〔2020〕3号") String number,
        @NotNull @Schema(description = "Not in the future; the conferral date of the honors it confers", example = "2020-04-17") LocalDate issuedOn,
        @Size(max = 100) @Schema(example = "首都精神文明建设委员会") String issuer,
        @Schema(description = "When set, the document names honors of this program only", example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID programId) {
}
