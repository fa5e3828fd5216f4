package jp.yumekairo.edge;

import jp.yumekairo.events.MunicipalityCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.lang.NonNull;

/**
 * A path or query value as the member it names; anything else is refused with {@code not-a-member}, which
 * {@link ProblemExceptionHandler} answers as a problem.
 */
final class StringToMunicipalityCode implements Converter<String, MunicipalityCode> {

    @Override
    public MunicipalityCode convert(@NonNull String code) {
        return MunicipalityCode.of(code);
    }
}
