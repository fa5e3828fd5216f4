package jp.yumekairo.query.report;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the PDF's text read back as it was written. IPAex Gothic draws some characters with one glyph for two code
 * points (山 U+5C71 and the Kangxi radical ⼭ U+2F2D, ～ U+FF5E and 〜 U+301C); PDFBox's subset then maps the glyph
 * back to the lower code point, so a search for 山口 or a copied name would fail. Knowing which code points the
 * document used, this rewrites each embedded font's ToUnicode map to give those back.
 */
final class ToUnicodeRepair {

    private static volatile CmapLookup cmap;

    private ToUnicodeRepair() {
    }

    /** The saved PDF with its ToUnicode maps preferring the code points that occur in {@code text}. */
    static byte[] repair(byte[] pdf, String text) throws IOException {
        Map<Integer, Integer> replace = replacements(text);
        if (replace.isEmpty()) {
            return pdf;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<PDType0Font, Boolean> done = new HashMap<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font type0 && done.putIfAbsent(type0, true) == null) {
                        rewrite(document, type0, replace);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** For each glyph shared by several code points: the lowest one (as PDFBox writes it) → the one used. */
    private static Map<Integer, Integer> replacements(String text) throws IOException {
        CmapLookup lookup = cmap();
        Map<Integer, Integer> replace = new HashMap<>();
        text.codePoints().distinct().forEach(used -> {
            int glyph = lookup.getGlyphId(used);
            List<Integer> codes = glyph == 0 ? null : lookup.getCharCodes(glyph);
            if (codes != null && codes.size() > 1) {
                int written = codes.stream().mapToInt(Integer::intValue).min().orElse(used);
                if (written != used) {
                    replace.put(written, used);
                }
            }
        });
        return replace;
    }

    private static void rewrite(PDDocument document, PDType0Font font, Map<Integer, Integer> replace)
            throws IOException {
        Map<Integer, String> mappings = new TreeMap<>();
        boolean changed = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String unicode = font.toUnicode(code);
            if (unicode == null) {
                continue;
            }
            if (unicode.codePointCount(0, unicode.length()) == 1 && replace.containsKey(unicode.codePointAt(0))) {
                unicode = new String(Character.toChars(replace.get(unicode.codePointAt(0))));
                changed = true;
            }
            mappings.put(code, unicode);
        }
        if (!changed) {
            return;
        }
        StringBuilder cmapText = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = List.copyOf(mappings.entrySet());
        for (int start = 0; start < entries.size(); start += 100) {
            List<Map.Entry<Integer, String>> chunk = entries.subList(start, Math.min(entries.size(), start + 100));
            cmapText.append(chunk.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : chunk) {
                cmapText.append(String.format("<%04X> <", entry.getKey()));
                for (byte b : entry.getValue().getBytes(StandardCharsets.UTF_16BE)) {
                    cmapText.append(String.format("%02X", b));
                }
                cmapText.append(">\n");
            }
            cmapText.append("endbfchar\n");
        }
        cmapText.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        PDStream stream = new PDStream(document, new java.io.ByteArrayInputStream(
                cmapText.toString().getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
        font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
    }

    private static CmapLookup cmap() throws IOException {
        if (cmap == null) {
            synchronized (ToUnicodeRepair.class) {
                if (cmap == null) {
                    try (InputStream in = ToUnicodeRepair.class.getResourceAsStream(ReportPdf.FONT)) {
                        if (in == null) {
                            throw new IllegalStateException("the PDF font " + ReportPdf.FONT + " is missing");
                        }
                        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                        cmap = font.getUnicodeCmapLookup();
                    }
                }
            }
        }
        return cmap;
    }
}
