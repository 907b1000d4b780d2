package cn.wenming.bulletin.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.bulletin.parse.ParsedBulletin;
import cn.wenming.common.problem.Problem;

/** A batch import: a result per file, and the counts. */
@Schema(name = "BatchImportResult")
public record BatchResult(int imported, int failed, List<FileResult> results) {

    /** One file: its status as a single import would answer, the stored id, or the problem. */
    @Schema(name = "BatchImportFileResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileResult(String file, int status, UUID id, ParsedBulletin bulletin, List<String> warnings, Problem problem) {
    }

    static BatchResult of(List<FileResult> results) {
        int ok = (int) results.stream().filter(r -> r.problem() == null).count();
        return new BatchResult(ok, results.size() - ok, results);
    }
}
