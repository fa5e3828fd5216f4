package jp.yumekairo.command.project;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.edge.Problems;
import jp.yumekairo.edge.RequestIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;

/**
 * Targets, actuals and costs from the .xlsx input sheet or a CSV, all or nothing, with a dry run that shows what
 * would change; the person must be a member's editor before the file is read.
 */
@RestController
class FigureImportController {

    private final FigureImport imports;

    FigureImportController(FigureImport imports) {
        this.imports = imports;
    }

    /** The file as the request body: a CSV (text/csv) in UTF-8 or Shift_JIS, or the .xlsx input sheet. */
    @PostMapping(path = "/api/imports/kpi-figures", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ResponseEntity<Object> importBody(@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean dryRun,
                                      Actor actor, HttpServletRequest request) {
        return answer(imports.run(file, actor, RequestIds.of(request), dryRun), request);
    }

    /** The same, uploaded as the {@code file} part of a form. */
    @PostMapping(path = "/api/imports/kpi-figures", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> importUpload(@RequestParam("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean dryRun,
                                        Actor actor, HttpServletRequest request) throws IOException {
        return answer(imports.run(file.getBytes(), actor, RequestIds.of(request), dryRun), request);
    }

    private static ResponseEntity<Object> answer(FigureImport.Outcome outcome, HttpServletRequest request) {
        if (outcome.errors().isEmpty()) {
            return ResponseEntity.ok(outcome);
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "import-refused", outcome.errors().size()
                + " row(s) cannot be imported; nothing was stored. Correct them and upload the whole file again.");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIds.of(request));
        problem.setProperty("format", outcome.format());
        problem.setProperty("rows", outcome.rows());
        problem.setProperty("errors", outcome.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
