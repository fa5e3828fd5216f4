package jp.yumekairo.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jp.yumekairo.events.InvalidValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Text that goes into the log is text: no NUL or other control characters (tab and line breaks aside), no
 * unpaired surrogates. JSON can spell them ({@code \u0000}, {@code \ud800}), but PostgreSQL's text columns refuse a
 * NUL, so a single such event would stop the query service's projections for good, and a lone surrogate comes
 * out as "?". Every string of every request body is checked here, and the CSV import checks its cells alike.
 */
@Configuration(proxyBeanMethods = false)
public class PlainText {

    /** Returns {@code text} unchanged, or refuses it with {@code invalid-text}. */
    public static String check(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw new InvalidValueException("invalid-text", "text may not contain control characters (found U+"
                        + String.format("%04X", (int) c) + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException("invalid-text", "text must be valid Unicode (found an unpaired surrogate)");
            }
        }
        return text;
    }

    @Bean
    Module plainTextOnly() {
        return new SimpleModule("plain-text").addDeserializer(String.class, new Checked());
    }

    private static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}
