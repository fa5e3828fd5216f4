package jp.yumekairo.query.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed 効果検証 made from seed 002's first project (long texts, a wide-area project, a 確認中 actual, an
 * unknown 交付実績): the PDF is A4 landscape with the font embedded and every text whole; the workbook keeps figures
 * as numbers and prints one page wide. The files are left in target/print for a look.
 */
class ReportPrintTest {

    private static final String NAME = "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト ～観光交流から移住・定住へ～";
    private static final String ACTIVITIES = """
            【第2期圏域連携事業】
            【ジオパーク説明看板設置及び拠点施設改修事業】
            ○山口ゆめ回廊博覧会の開催を契機として、美祢市の新たな周遊拠点を増やすため、ジオパークサイトの説明看板を設置した。
            【新しい生活様式や行動様式社会変化に対応した持続可能な新しい観光の創造事業】
            ○山口ゆめ回廊観光推進協議会への負担金 山口ゆめ回廊圏域(7市町)において、圏域内の交流人口の拡大と周遊促進を図る事業を実施した。
            ○美祢市ならではの地域の特性を活かし、サイクリングの推進やスポーツイベントを実施し、県外からの誘客と滞在時間の延長につなげた。""";

    static PrintedReport sample() {
        List<PrintedReport.Project> projects = new ArrayList<>();
        projects.add(new PrintedReport.Project(1, NAME, "<広域>", "(R4-R8)", "観光政策課", ACTIVITIES, 40_404_482L,
                20_202_241L, null, List.of(
                new PrintedReport.Kpi("MICE誘致件数", "件", new BigDecimal("82"), new BigDecimal("167"), "82件", "167件", "達成", List.of()),
                new PrintedReport.Kpi("着地型観光プログラム造成件数", "件", new BigDecimal("21"), new BigDecimal("30"), "21件", "30件", "達成", List.of()),
                new PrintedReport.Kpi("外国人観光客数", "人", new BigDecimal("81555"), new BigDecimal("142229"), "81,555人", "142,229人", "達成", List.of()),
                new PrintedReport.Kpi("特定健診の受診率", "%", new BigDecimal("55.0"), new BigDecimal("-38.3"), "55.0%", "▲38.3%", "未達成", List.of("進捗率が−100%〜+300%の範囲外です"))),
                "地方創生に非常に効果的であった", "7市町において広域的な取組を実施することで、周遊促進に繋がった。",
                "地方創生に非常に効果的であった", "事業を継続",
                "山口ゆめ回廊圏域において、市町相互の周遊や交流人口の拡大に繋がる効果的な事業が実施できている。",
                "山口ゆめ回廊圏域において各市町の特色を活かした連携事業が実施できており、KPIについて、すべての項目において目標値を達成している。",
                "個別事業の秋吉台地域の魅力創出として、秋吉台ならではのイベントの開催を実施してきた。",
                "秋吉台地域ならではのアクティビティの造成に力を入れ、年間を通じて販売できるようなコンテンツにする。"));
        projects.add(new PrintedReport.Project(2, "ラーニングスペース設置及び関係人口創出プログラムによる地域の担い手育成推進事業",
                "<単独>", "(R6-R8)", "学校教育課", "", 10_027_778L, null, PrintedReport.UNKNOWN_AMOUNT, List.of(
                new PrintedReport.Kpi("市内の高校に通う高校生の市内就職率", "%", new BigDecimal("38.3"), null, "38.3%", "確認中", "", List.of())),
                "", "", "", "", "", "", "", ""));
        return new PrintedReport("令和6年度 美祢市 地方創生関係交付金事業 効果検証", "美祢市", "令和6年度", "第1版 公表",
                List.of("第1版 公表（令和8年12月2日 9時30分 公表）", "改ざん検知チェックポイント: 位置 1234 / SHA-256 "
                        + "0123456789abcdef".repeat(4), "出力 令和8年12月2日 10時00分"),
                new PrintedReport.Checkpoint(1234, "0123456789abcdef".repeat(4)), projects, 50_432_260L, 20_202_241L,
                true, "効果検証_美祢市_令和6年度_第1版");
    }

    @Test
    void thePdf_isA4Landscape_withTheFontEmbedded_theTitleAndLanguage_andEveryTextWhole() throws Exception {
        byte[] pdf = new ReportPdf().render(sample());
        Path out = Path.of("target", "print");
        Files.createDirectories(out);
        Files.write(out.resolve("sample.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(document.getDocumentInformation().getTitle()).contains("美祢市").contains("第1版");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ja-JP");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : first.getResources().getFontNames()) {
                fonts.add(first.getResources().getFont(name));
            }
            assertThat(fonts).allMatch(PDFont::isEmbedded).anyMatch(font -> font.getName().contains("IPAexGothic"));
            String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
            assertThat(text).contains(NAME).contains("40,404,482").contains("20,202,241")
                    .contains("81,555人").contains("▲38.3%").contains("不明").contains("確認中").contains("要確認: 進捗率が−100%")
                    .contains("0123456789abcdef".repeat(4)).contains("位置 1234").contains("1 / 1 ページ")
                    .contains("本事業の今後の方針の理由").contains("実施計画と比較した現況や課題の把握");
        }
    }

    @Test
    void theWorkbook_keepsFiguresAsNumbers_andPrintsOnePageWide_withTheHeadingRepeated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = ReportWorkbook.of(sample())) {
            workbook.write(bytes);
        }
        Files.write(Path.of("target", "print", "sample.xlsx"), bytes.toByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(40_404_482d);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0;▲#,##0");
            Cell negative = sheet.getRow(6).getCell(7);
            assertThat(negative.getNumericCellValue()).isEqualTo(-38.3d);
            assertThat(negative.getCellStyle().getDataFormatString()).isEqualTo("#,##0.0\"%\";▲#,##0.0\"%\"");
            assertThat(sheet.getFooter().getLeft()).contains("第1版").contains("0123456789abcdef".repeat(4));
        }
    }
}
