package cn.wenming.honors.service;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The decision document that confers one honor; the honor's own document when absent. */
@Schema(name = "ConferInput")
public record ConferInput(
        @Schema(description = "Required unless the honor already names its document", example = "9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13")
        UUID decisionDocumentId) {
}
