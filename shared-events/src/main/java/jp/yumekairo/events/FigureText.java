package jp.yumekairo.events;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A figure as a person types it into a form or a spreadsheet cell holds it, written the way the source documents
 * write figures: full-width digits, thousands separators ({@code ,} {@code ，} {@code 、}), ▲ or △ (or −, －) for
 * minus, blanks around or between the digits. Blank text is no figure: the figure is unknown. The limits of
 * {@link Figures} are left to the caller, so that each refuses a figure out of range in its own words.
 */
public final class FigureText {

    /** Separators and blanks, after NFKC has made ， a comma and a full-width space a space. */
    private static final Pattern IGNORED = Pattern.compile("[,、 ]");
    /** Minus as the documents write it; NFKC has already made the full-width － a hyphen-minus. */
    private static final Pattern MINUS = Pattern.compile("[▲△−]");

    private FigureText() {
    }

    /**
     * The figure the text writes, exactly as written (trailing zeros kept), or null when the text is blank.
     *
     * @throws InvalidValueException {@code figure-unreadable} when the text is not a number
     */
    public static BigDecimal parse(String text) {
        String normal = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
        String number = MINUS.matcher(IGNORED.matcher(normal).replaceAll("")).replaceAll("-");
        if (number.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException notANumber) {
            throw new InvalidValueException("figure-unreadable", "「" + text + "」 is not a number");
        }
    }
}
