package cn.wenming.bulletin.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.service.ImportService;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.problem.Problems;
import cn.wenming.common.security.Roles;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.Params;
import cn.wenming.common.security.Caller;

/**
 * Back issues from the text of their PDFs: one text, or a batch (multipart files or a zip) with a
 * result per file. A preview reads and changes nothing; {@code ?commit=true} stores.
 */
@Path("/api/v1/bulletins/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);
    static final int MAX_FILES = 500;
    static final long MAX_FILE_BYTES = 2 * 1024 * 1024;

    /** How a committed import is stored. */
    public enum As {
        /** PUBLISHED with its printed numbers (admin). */
        historical,
        /** a DRAFT to edit and publish. */
        draft
    }

    @Inject
    ImportService imports;

    @Inject
    Caller caller;

    @Inject
    BulletinConfig config;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "The reading (nothing stored)", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "201", description = "Stored; Location names the issue", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public Response importOne(String text,
            @QueryParam("commit") String commit,
            @QueryParam("as") String as) {
        boolean store = Boolean.parseBoolean(commit);
        As mode = mode(as, store);
        if (!store) {
            var reading = imports.preview(text).reading();
            return Response.ok(new ImportResult(reading.bulletin(), reading.warnings(), null)).build();
        }
        var imported = imports.store(text, mode == As.draft, caller.name());
        var b = imported.stored();
        return Response.created(URI.create("/api/v1/bulletins/" + b.id)).tag(ETags.of(b.version))
                .entity(new ImportResult(imported.reading().bulletin(), imported.reading().warnings(), b.id)).build();
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "A result per file", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public BatchResult importFiles(@RestForm("file") List<FileUpload> files,
            @QueryParam("commit") String commit,
            @QueryParam("as") String as) {
        boolean store = Boolean.parseBoolean(commit);
        As mode = mode(as, store);
        if (files == null || files.isEmpty()) {
            throw ProblemException.invalid("file", "没有文件 (no file parts named file)");
        }
        if (files.size() > MAX_FILES) {
            throw ProblemException.invalid("file", "最多 " + MAX_FILES + " 个文件 (at most " + MAX_FILES + " files)");
        }
        List<BatchResult.FileResult> results = new ArrayList<>();
        for (FileUpload f : files) {
            String name = f.fileName() == null ? f.name() : f.fileName();
            try {
                results.add(one(name, Files.readAllBytes(f.uploadedFile()), store, mode));
            } catch (IOException e) {
                results.add(failed(name, new ProblemException(ProblemType.BAD_REQUEST, "文件无法读取 (the file cannot be read)")));
            }
        }
        return BatchResult.of(results);
    }

    @POST
    @Path("batch")
    @Consumes("application/zip")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @APIResponse(responseCode = "200", description = "A result per file", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public BatchResult importZip(InputStream zip,
            @QueryParam("commit") String commit,
            @QueryParam("as") String as) {
        boolean store = Boolean.parseBoolean(commit);
        As mode = mode(as, store);
        List<ZipUpload.File> files = ZipUpload.read(zip, new ZipUpload.Limits(config.importing().zipMaxSize().asLongValue(),
                config.importing().zipMaxEntries(), MAX_FILE_BYTES));
        if (files.isEmpty()) {
            throw ProblemException.invalid("file", "ZIP 中没有文件 (the zip holds no file)");
        }
        if (files.size() > MAX_FILES) {
            throw ProblemException.invalid("file", "最多 " + MAX_FILES + " 个文件 (at most " + MAX_FILES + " files)");
        }
        List<BatchResult.FileResult> results = new ArrayList<>();
        for (ZipUpload.File f : files) {
            results.add(f.oversized()
                    ? failed(f.name(), new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "文件超过 2 MB (over 2 MB)"))
                    : one(f.name(), f.bytes(), store, mode));
        }
        return BatchResult.of(results);
    }

    private BatchResult.FileResult one(String name, byte[] bytes, boolean store, As mode) {
        try {
            String text = utf8(bytes);
            if (!store) {
                var reading = imports.preview(text).reading();
                return new BatchResult.FileResult(name, 200, null, reading.bulletin(), reading.warnings(), null);
            }
            var imported = imports.store(text, mode == As.draft, caller.name());
            return new BatchResult.FileResult(name, 201, imported.stored().id, imported.reading().bulletin(),
                    imported.reading().warnings(), null);
        } catch (ProblemException e) {
            return failed(name, e);
        } catch (jakarta.validation.ConstraintViolationException e) {
            return failed(name, new ProblemException(ProblemType.VALIDATION, "导入内容不符合规则 (the content breaks a rule): "
                    + String.join("; ", e.getConstraintViolations().stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import of %s failed", name);
            return failed(name, new ProblemException(ProblemType.INTERNAL, "内部错误 (internal error)"));
        }
    }

    private static BatchResult.FileResult failed(String name, ProblemException e) {
        Problem problem = Problems.of(e.type(), e.getMessage(), null, e.errors());
        return new BatchResult.FileResult(name, e.type().status(), null, null, List.of(), problem);
    }

    private As mode(String as, boolean store) {
        As mode = as == null || as.isBlank() ? As.historical : Params.enumValue(As.class, as, "as");
        if (store && mode == As.historical && !caller.admin()) {
            throw ProblemException.forbidden("只有管理员可以录入往期简报；编辑请用 ?as=draft (only admins store back issues; editors use as=draft)");
        }
        return mode;
    }

    /** Strict UTF-8: bytes that are not UTF-8 are not a bulletin's text. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.VALIDATION, "不是 UTF-8 文本 (not UTF-8 text)",
                    List.of(new Problem.FieldError("text", "不是 UTF-8 文本 (not UTF-8 text)")));
        }
    }
}
