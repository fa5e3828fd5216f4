package jp.yumekairo.query.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * The printed 効果検証 as PDF: the XHTML template {@code print/report.xhtml} rendered by OpenHTMLtoPDF on A4
 * landscape, with IPAex Gothic (shipped in the jar, {@code fonts/}, IPA Font License beside it) embedded, so every
 * machine makes the same PDF whatever fonts it has. The document's title and language are set in its metadata.
 */
@Component
class ReportPdf {

    static final String FONT = "/fonts/ipaexg.ttf";
    static final String FONT_FAMILY = "IPAexGothic";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    ReportPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("print/");
        resolver.setSuffix(".xhtml");
        // XML, so that the page is well-formed XHTML as the renderer reads it
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
    }

    byte[] render(PrintedReport report) {
        String xhtml = xhtml(report);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font(), FONT_FAMILY);
        builder.withHtmlContent(xhtml, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the renderer's own stream stays unused: the document is saved below, with its metadata
            builder.toStream(new ByteArrayOutputStream());
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                PDDocument document = renderer.getPdfDocument();
                document.getDocumentCatalog().setLanguage("ja-JP");
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(report.title() + "（" + report.edition() + "）");
                info.setSubject("地方創生関係交付金事業 効果検証 " + report.edition());
                info.setAuthor(report.municipalityName());
                Calendar now = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
                info.setCreationDate(now);
                document.save(out);
            }
            return ToUnicodeRepair.repair(out.toByteArray(), xhtml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template filled in: well-formed XHTML. */
    String xhtml(PrintedReport report) {
        Context context = new Context();
        context.setVariable("r", report);
        context.setVariable("headings", PrintedReport.HEADINGS);
        context.setVariable("rationaleLabel", PrintedReport.RATIONALE);
        context.setVariable("policyRationaleLabel", PrintedReport.POLICY_RATIONALE);
        context.setVariable("suggestedLabel", PrintedReport.SUGGESTED);
        context.setVariable("situationLabel", PrintedReport.SITUATION);
        context.setVariable("obstaclesLabel", PrintedReport.OBSTACLES);
        context.setVariable("revisionsLabel", PrintedReport.REVISIONS);
        context.setVariable("totalLabel", PrintedReport.TOTAL);
        context.setVariable("incompleteLabel", "交付実績の不明な事業があるため、交付実績の合計は不完全です"
                + PrintedReport.INCOMPLETE_TOTAL);
        return templates.process("report", context);
    }

    private static InputStream font() {
        InputStream font = ReportPdf.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("the PDF font " + FONT + " is missing from the jar");
        }
        return font;
    }
}
