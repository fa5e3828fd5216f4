package jp.yumekairo.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.ui.CommandService;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.RequestIds;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The member's editor uploads a CSV of targets and actuals (as Excel writes it: UTF-8 or Shift_JIS) to the command
 * service's import, first as a dry run that shows what would change, then for real; a file with any bad row is
 * refused whole, with every bad row and why.
 */
@Controller
@UiPage
class ImportPageController {

    /** A row the import would change (dry run) or changed, and which of its figures. */
    record ChangeRow(int line, String projectId, String kpiId, int fiscalYear, String changed) {
    }

    /** A row the import refused, and why. */
    record BadRow(int line, String problem) {
    }

    private final CommandService commands;

    ImportPageController(CommandService commands) {
        this.commands = commands;
    }

    /** The upload form. */
    @GetMapping("/members/{code}/import")
    String form(@PathVariable String code, @AuthenticationPrincipal SignedIn me, Model model) {
        model.addAttribute("member", editable(code, me));
        return "import";
    }

    /** Sends the file to the command service's import as the editor, and shows what it answered. */
    @PostMapping("/members/{code}/import")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun, @AuthenticationPrincipal SignedIn me,
                  HttpServletRequest request, Model model) throws IOException {
        MunicipalityCode member = editable(code, me);
        model.addAttribute("member", member);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("dryRun", dryRun);
        if (file.isEmpty()) {
            model.addAttribute("problem", "empty");
            return "import";
        }
        CommandService.Outcome outcome = commands.sendFile(me, "/api/imports/kpi-figures" + (dryRun ? "?dryRun=true" : ""),
                file.getBytes(), RequestIds.of(request));
        JsonNode body = outcome.body();
        model.addAttribute("status", outcome.status());
        model.addAttribute("charset", body.path("charset").asText(""));
        List<ChangeRow> changes = new ArrayList<>();
        body.path("changes").forEach(change -> {
            List<String> changed = new ArrayList<>();
            change.path("changed").forEach(field -> changed.add(field.asText()));
            changes.add(new ChangeRow(change.path("line").asInt(), change.path("projectId").asText(),
                    change.path("kpiId").asText(), change.path("fiscalYear").asInt(), String.join(", ", changed)));
        });
        List<BadRow> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(new BadRow(error.path("line").asInt(),
                error.path("problem").asText())));
        model.addAttribute("changes", changes);
        model.addAttribute("errors", errors);
        model.addAttribute("stored", body.path("stored").asBoolean(false));
        model.addAttribute("rows", body.path("rows").asInt(0));
        if (!outcome.ok() && !"import-refused".equals(outcome.code())) {
            model.addAttribute("problem", "other");
            model.addAttribute("problemDetail", outcome.detail());
        }
        return "import";
    }

    private static MunicipalityCode editable(String code, SignedIn me) {
        MunicipalityCode member;
        try {
            member = MunicipalityCode.of(code);
        } catch (InvalidValueException notAMember) {
            throw QueryRefused.unknown(notAMember.code(), notAMember.getMessage());
        }
        if (me == null || !me.editorOf(member.code())) {
            throw new AccessDeniedException("only the member's editor imports its figures");
        }
        return member;
    }
}
