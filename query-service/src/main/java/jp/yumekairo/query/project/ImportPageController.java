package jp.yumekairo.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.ui.CommandService;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.PathValues;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.edge.RequestIds;
import org.springframework.http.ResponseEntity;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The member's editor downloads the year's input sheet (.xlsx), fills it in Excel and uploads it (or a CSV as Excel
 * writes it: UTF-8 or Shift_JIS) to the command service's import, first as a dry run that shows each change as old →
 * new, then for real; a file with any bad row is refused whole, with every bad row, its 行番号, 列 and why.
 */
@Controller
@UiPage
class ImportPageController {

    /** One cell a row would change (dry run) or changed: its column, the value before and after. */
    record CellChange(String column, String before, String after) {
    }

    /** A row the import would change (dry run) or changed, named as the clerk knows it, cell by cell. */
    record ChangeRow(String sheet, int line, String projectName, String kpiName, int fiscalYear,
                     List<CellChange> cells) {
    }

    /** A row the import refused: its sheet (none in a CSV), 行番号, 列 and why. */
    record BadRow(String sheet, int line, String column, String problem) {
    }

    private final CommandService commands;
    private final InputSheet sheet;

    ImportPageController(CommandService commands, InputSheet sheet) {
        this.commands = commands;
        this.sheet = sheet;
    }

    /** The download of the year's input sheet and the upload form. */
    @GetMapping("/members/{code}/import")
    String form(@PathVariable String code, @RequestParam(required = false) Integer fiscalYear,
                @AuthenticationPrincipal SignedIn me, Model model) {
        MunicipalityCode member = editable(code, me);
        years(member, fiscalYear, model);
        model.addAttribute("member", member);
        return "import";
    }

    /** The member's input sheet of the fiscal year, through the session. */
    @GetMapping("/members/{code}/import/{fiscalYear}.xlsx")
    ResponseEntity<byte[]> inputSheet(@PathVariable String code, @PathVariable int fiscalYear,
                                      @RequestParam(required = false) String costs,
                                      @AuthenticationPrincipal SignedIn me) {
        MunicipalityCode member = editable(code, me);
        return sheet.download(member, PathValues.fiscalYear(fiscalYear), InputSheet.thousandYen(costs));
    }

    /**
     * The fiscal years of the projects the member leads, and the one to offer: the one asked for, else the latest
     * that has a target or an actual, else the current one.
     */
    private void years(MunicipalityCode member, Integer asked, Model model) {
        List<ProjectView> projects = sheet.led(member, Instant.now());
        TreeSet<Integer> years = new TreeSet<>();
        int withFigures = 0;
        for (ProjectView project : projects) {
            for (int year = project.firstFiscalYear(); year <= project.lastFiscalYear(); year++) {
                years.add(year);
            }
            for (ProjectView.KpiView kpi : project.kpis()) {
                for (ProjectView.KpiYear figures : kpi.years()) {
                    if (figures.target() != null || figures.actual() != null || figures.status() != null) {
                        withFigures = Math.max(withFigures, figures.fiscalYear());
                    }
                }
            }
        }
        int current = FiscalYear.containing(LocalDate.now(AsOf.JAPAN)).startYear();
        int selected = asked != null && years.contains(asked) ? asked : withFigures > 0 ? withFigures : current;
        years.add(selected);
        model.addAttribute("years", List.copyOf(years));
        model.addAttribute("fiscalYear", selected);
    }

    /** Sends the file to the command service's import as the editor, and shows what it answered. */
    @PostMapping("/members/{code}/import")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(required = false) Integer fiscalYear, @AuthenticationPrincipal SignedIn me,
                  HttpServletRequest request, Model model) throws IOException {
        MunicipalityCode member = editable(code, me);
        model.addAttribute("member", member);
        // the year the clerk had chosen stays chosen
        years(member, fiscalYear, model);
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
        model.addAttribute("format", body.path("format").asText(""));
        List<ChangeRow> changes = new ArrayList<>();
        body.path("changes").forEach(change -> {
            List<CellChange> cells = new ArrayList<>();
            change.path("cells").forEach(cell -> cells.add(new CellChange(cell.path("column").asText(),
                    cell.path("before").asText(), cell.path("after").asText())));
            changes.add(new ChangeRow(text(change.path("sheet")), change.path("line").asInt(),
                    change.path("projectName").asText(), text(change.path("kpiName")),
                    change.path("fiscalYear").asInt(), cells));
        });
        List<BadRow> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(new BadRow(text(error.path("sheet")),
                error.path("line").asInt(), text(error.path("column")), error.path("problem").asText())));
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

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    private static MunicipalityCode editable(String code, SignedIn me) {
        MunicipalityCode member = PathValues.member(code);
        if (me == null || !me.editorOf(member.code())) {
            throw new AccessDeniedException("only the member's editor imports its figures");
        }
        return member;
    }
}
