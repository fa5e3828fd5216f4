package jp.yumekairo.query.project;

import org.springframework.stereotype.Component;

/**
 * For the pages: the message key of a check that a view carries as its Japanese label
 * ({@code ${#messages.msg(@checks.key(c))}}), so an English page shows it in English.
 */
@Component("checks")
public class CheckLabels {

    public String key(String labelJa) {
        Check check = Check.ofLabelJa(labelJa);
        return check == null ? "check.unknown" : "check." + check.name();
    }
}
