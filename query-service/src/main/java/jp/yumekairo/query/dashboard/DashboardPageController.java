package jp.yumekairo.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.ui.Formats;
import jp.yumekairo.query.ui.PageAsOf;
import jp.yumekairo.query.ui.UiPage;
import jp.yumekairo.query.ui.UiProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The partnership dashboard, the prefectural office's home: one card per KGI and a table of the seven members. */
@Controller
@UiPage
class DashboardPageController {

    /** The KGIs the plan document names; one the plan has not defined yet still gets its (empty) card. */
    static final List<String> PLAN_KGIS = List.of("定住人口", "交流人口", "新規雇用創出数", "社会動態");

    /** A member's row: its figure for each KGI the dashboard shows. */
    record MemberRow(String code, String name, String prefecture, List<Dashboard.Member> figures,
                     DashboardViews.Activity activity) {
    }

    /** A member's row of the status board: its report status per fiscal year of the board (null: no report that year). */
    record BoardRow(String code, String name, List<DashboardViews.ReportStatus> years) {
    }

    private final DashboardViews dashboards;
    private final UiProperties properties;
    private final Formats formats;

    DashboardPageController(DashboardViews dashboards, UiProperties properties, Formats formats) {
        this.dashboards = dashboards;
        this.properties = properties;
        this.formats = formats;
    }

    /** The dashboard page, as of the picker's moment; it refreshes itself when a member reports a figure. */
    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String asOf, Model model, HttpServletRequest request) {
        Instant at = (Boolean) model.getAttribute("past") ? PageAsOf.parse(asOf) : jp.yumekairo.query.web.AsOf.LATEST;
        Optional<Dashboard> found = dashboards.of(properties.planId(), null, at);
        model.addAttribute("plan", found.orElse(null));
        List<Dashboard.Kgi> kgis = found.map(Dashboard::kgis).orElse(List.of());
        model.addAttribute("kgis", kgis);
        model.addAttribute("charts", kgis.stream().map(kgi -> formats.json(chart(kgi))).toList());
        // the plan's last target of each KGI, shown beside a year that has none of its own
        model.addAttribute("goals", kgis.stream().map(kgi -> kgi.series().stream()
                .filter(point -> point.target() != null).reduce((first, second) -> second).orElse(null)).toList());
        List<String> defined = kgis.stream().map(Dashboard.Kgi::name).toList();
        model.addAttribute("undefinedKgis", PLAN_KGIS.stream().filter(name -> !defined.contains(name)).toList());
        Map<String, DashboardViews.Activity> activity = dashboards.activity(at);
        List<MemberRow> rows = new ArrayList<>();
        for (MunicipalityCode member : MunicipalityCode.values()) {
            List<Dashboard.Member> figures = new ArrayList<>();
            for (Dashboard.Kgi kgi : kgis) {
                figures.add(kgi.members().stream().filter(m -> m.municipalityCode().equals(member.code())).findFirst()
                        .orElse(new Dashboard.Member(member.code(), member.nameJa(), null, DashboardViews.NOT_REPORTED, null, null)));
            }
            rows.add(new MemberRow(member.code(), member.nameJa(), member.prefecture(), figures,
                    activity.getOrDefault(member.code(), new DashboardViews.Activity(0, null))));
        }
        model.addAttribute("members", rows);
        List<DashboardViews.ReportStatus> statuses = found.map(plan -> dashboards.reportStatuses(
                plan.firstFiscalYear(), plan.lastFiscalYear(), at)).orElse(List.of());
        List<Integer> boardYears = statuses.stream().map(DashboardViews.ReportStatus::fiscalYear).distinct().sorted()
                .toList();
        List<BoardRow> board = new ArrayList<>();
        for (MunicipalityCode member : MunicipalityCode.values()) {
            board.add(new BoardRow(member.code(), member.nameJa(), boardYears.stream().map(year -> statuses.stream()
                    .filter(s -> s.municipalityCode().equals(member.code()) && s.fiscalYear() == year)
                    .findFirst().orElse(null)).toList()));
        }
        model.addAttribute("boardYears", boardYears);
        model.addAttribute("board", board);
        model.addAttribute("live", !(Boolean) model.getAttribute("past"));
        return "dashboard";
    }

    /** The trend of a KGI for Chart.js: the total, whether it is complete, and the plan target per year. */
    private Map<String, Object> chart(Dashboard.Kgi kgi) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", kgi.series().stream().map(point -> formats.year(point.year())).toList());
        chart.put("actual", kgi.series().stream().map(Dashboard.Point::total).toList());
        chart.put("target", kgi.series().stream().map(Dashboard.Point::target).toList());
        // an incomplete year (some member has not reported) is drawn hollow with a dashed segment, never solid
        chart.put("complete", kgi.series().stream().map(Dashboard.Point::complete).toList());
        chart.put("unit", kgi.unit());
        return chart;
    }
}
