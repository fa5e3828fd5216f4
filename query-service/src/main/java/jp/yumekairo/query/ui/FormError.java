package jp.yumekairo.query.ui;

import java.io.Serializable;
import java.util.Map;

/**
 * A form the command service (or the page's own parsing) refused: the form it was, the message beside each field,
 * a message for the whole form, and what the person had typed, so nothing is lost on the way back to the page.
 */
public record FormError(String formId, Map<String, String> fields, String message, Map<String, String> values)
        implements Serializable {

    public String field(String name) {
        return fields.get(name);
    }

    public String value(String name) {
        return values.get(name);
    }
}
