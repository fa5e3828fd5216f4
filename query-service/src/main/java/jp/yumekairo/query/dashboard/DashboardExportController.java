package jp.yumekairo.query.dashboard;

import jp.yumekairo.query.ui.Formats;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.Spreadsheets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The consolidated KGI dashboard as an Excel workbook: one sheet of members and totals, one of the series; years in
 * 和暦 and statuses in Japanese, as the city's own sheets write them.
 */
@RestController
class DashboardExportController {

    private final DashboardViews dashboards;
    private final MessageSource messages;

    DashboardExportController(DashboardViews dashboards, MessageSource messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    /** Per KGI each member's figure and status, the total (marked 未報告あり when incomplete) and the target. */
    @GetMapping("/api/plans/{planId}/dashboard.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String planId, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String asOf) {
        DashboardQueryController.checkYear(year);
        Dashboard dashboard = dashboards.of(planId, year, AsOf.parse(asOf)).orElseThrow(() ->
                QueryRefused.unknown("unknown-plan", "no wide-area plan with that id (at that moment)"));
        Workbook workbook = Spreadsheets.workbook();
        Sheet figures = workbook.createSheet("KGI");
        Spreadsheets.text(figures.createRow(0), 0, dashboard.name());
        Spreadsheets.headings(figures, 2, "KGI", "単位", "年", "市町", "市町コード", "値", "状態");
        int index = 3;
        for (Dashboard.Kgi kgi : dashboard.kgis()) {
            for (Dashboard.Member member : kgi.members()) {
                Row row = figures.createRow(index++);
                Spreadsheets.text(row, 0, kgi.name());
                Spreadsheets.text(row, 1, kgi.unit());
                Spreadsheets.text(row, 2, Formats.warekiYear(kgi.year()));
                Spreadsheets.text(row, 3, member.municipalityName());
                Spreadsheets.text(row, 4, member.municipalityCode());
                Spreadsheets.number(row, 5, member.value());
                Spreadsheets.text(row, 6, messages.getMessage("actual." + member.status(), null, member.status(),
                        Locale.JAPANESE));
            }
            Row total = figures.createRow(index++);
            Spreadsheets.text(total, 0, kgi.name());
            Spreadsheets.text(total, 1, kgi.unit());
            Spreadsheets.text(total, 2, Formats.warekiYear(kgi.year()));
            Spreadsheets.text(total, 3, DashboardViews.PARTNERSHIP.equals(kgi.totalBasis()) ? "圏域全体(公表値)"
                    : kgi.complete() ? "圏域合計" : "圏域合計(未報告あり)");
            Spreadsheets.number(total, 5, kgi.total());
            Row target = figures.createRow(index++);
            Spreadsheets.text(target, 0, kgi.name());
            Spreadsheets.text(target, 3, "目標値");
            Spreadsheets.number(target, 5, kgi.target());
            index++;
        }
        Sheet series = workbook.createSheet("推移");
        Spreadsheets.headings(series, 0, "KGI", "年", "圏域合計", "全市町報告済み", "目標値");
        index = 1;
        for (Dashboard.Kgi kgi : dashboard.kgis()) {
            for (Dashboard.Point point : kgi.series()) {
                Row row = series.createRow(index++);
                Spreadsheets.text(row, 0, kgi.name());
                Spreadsheets.text(row, 1, Formats.warekiYear(point.year()));
                Spreadsheets.number(row, 2, point.total());
                Spreadsheets.text(row, 3, point.complete() ? "はい" : "いいえ");
                Spreadsheets.number(row, 4, point.target());
            }
        }
        return Spreadsheets.download(workbook, "KGI_" + dashboard.planId() + ".xlsx");
    }
}
