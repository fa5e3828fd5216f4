package jp.yumekairo.query.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Writes a {@link CurrentViews.Kept} view as the JSON it was serialised to once, instead of serialising the view
 * again for every response. Only written, never read; Spring Boot puts it before its own converters.
 */
@Component
public class KeptJson extends AbstractHttpMessageConverter<CurrentViews.Kept<?>> {

    static {
        // the API description shows the view itself, as if it were returned unwrapped
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(CurrentViews.Kept.class);
    }

    KeptJson() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CurrentViews.Kept.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CurrentViews.Kept<?> readInternal(Class<? extends CurrentViews.Kept<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a kept view is only written", input);
    }

    @Override
    protected Long getContentLength(CurrentViews.Kept<?> kept, MediaType contentType) {
        return (long) kept.json().length;
    }

    @Override
    protected void writeInternal(CurrentViews.Kept<?> kept, HttpOutputMessage output) throws IOException {
        output.getBody().write(kept.json());
    }
}
