package jp.yumekairo.edge;

import jp.yumekairo.events.FiscalYear;
import org.springframework.core.convert.converter.Converter;
import org.springframework.lang.NonNull;
import org.springframework.util.NumberUtils;

/**
 * A path or query value as the fiscal year it names by its Western start year ({@code 2024}). A value that is no
 * number fails as a plain type mismatch; a year outside the range is refused with
 * {@code fiscal-year-out-of-range}, which {@link ProblemExceptionHandler} answers as a problem.
 */
final class StringToFiscalYear implements Converter<String, FiscalYear> {

    @Override
    public FiscalYear convert(@NonNull String year) {
        // the number as Spring reads an int path value, so a year reads as it did before it was a FiscalYear
        return FiscalYear.of(NumberUtils.parseNumber(year, Integer.class));
    }
}
