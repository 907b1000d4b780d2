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

    static final String EXAMPLE = """
            {"imported":1,"failed":1,"results":[{"file":"2020-17.txt","status":201,"id":"5b0e2c9d-31a4-4c6f-8e7a-0f9d1b2c3a4e",\
            "warnings":[]},{"file":"notes.txt","status":400,"warnings":[],"problem":{"type":"urn:wenming:problem:validation",\
            "title":"请求内容无效 (invalid request)","status":400,"detail":"这不是一期简报的文本 (not the text of a bulletin issue): 缺少“第N期” (no issue number)"}}]}""";

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
