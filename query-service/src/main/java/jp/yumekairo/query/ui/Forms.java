package jp.yumekairo.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.events.FigureText;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.edge.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The editors' and reviewers' forms: each is sent to the command service's API as the person who filled it in, and
 * the API's refusal comes back as messages beside the fields, in the page's language. The page's own part of the
 * checking (a figure written 1,234 or ▲12 or in full-width digits) is done here, on the server.
 */
@Component
public class Forms {

    /** One form's submission, forwarded to the command service. */
    public record Submission(String formId, String method, String path, Map<String, ?> body, Long ifMatch,
                             Map<String, String> values) {
    }

    /** A field the page itself could not read (a figure that is not a number). */
    public static final class Unreadable extends RuntimeException {

        private final String field;
        private final String messageKey;

        public Unreadable(String field) {
            this(field, "form.not-a-number");
        }

        public Unreadable(String field, String messageKey) {
            super(field);
            this.field = field;
            this.messageKey = messageKey;
        }
    }

    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "reason-required", "reason",
            "figure-out-of-range", "value",
            "value-does-not-match-status", "value",
            "invalid-cost", "totalCost",
            "comment-project-not-in-report", "target",
            "comment-kpi-not-in-project", "target",
            "weak-password", "password",
            "account-exists", "username");

    private final CommandService commands;
    private final MessageSource messages;

    Forms(CommandService commands, MessageSource messages) {
        this.commands = commands;
        this.messages = messages;
    }

    /**
     * Sends the form; on success waits (bounded) until this service's views hold the new version, so the page the
     * person returns to shows their change, and flashes a notice; on refusal flashes the form's errors.
     */
    public boolean send(HttpServletRequest request, SignedIn who, Submission submission, LongConsumer awaitVersion,
                        RedirectAttributes flash) {
        return submit(request, who, submission, outcome -> awaitVersion.accept(outcome.version()), flash) != null;
    }

    /**
     * As {@link #send}, but answers the command service's answer (for a registration: the id it made), or null
     * when the form was refused; {@code await} waits for the views with that answer.
     */
    public CommandService.Outcome submit(HttpServletRequest request, SignedIn who, Submission submission,
                                         Consumer<CommandService.Outcome> await, RedirectAttributes flash) {
        CommandService.Outcome outcome = commands.send(who, submission.method(), submission.path(), submission.body(),
                submission.ifMatch(), RequestIds.of(request));
        if (outcome.ok()) {
            try {
                await.accept(outcome);
            } catch (QueryRefused notYet) {
                // stored all the same; the page shows it as soon as the views catch up
            }
            flash.addFlashAttribute("notice", message("form.saved"));
            flash.addFlashAttribute("noticeForm", submission.formId());
            return outcome;
        }
        if (outcome.status() == 401) {
            throw new AccessDeniedException("the token expired");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String field = FIELD_OF_CODE.get(outcome.code());
        String text = messages.getMessage("problem." + outcome.code(), new Object[]{outcome.detail()},
                message("problem.other", outcome.detail()), LocaleContextHolder.getLocale());
        if (field != null && submission.values().containsKey(field)) {
            fields.put(field, text);
            text = message("form.refused");
        }
        for (String invalid : outcome.invalidFields()) {
            fields.put(invalid, message("problem.invalid-field"));
        }
        flash.addFlashAttribute("formError", new FormError(submission.formId(), fields, text, submission.values()));
        return null;
    }

    /** The page's own refusal of fields (message keys beside them), before anything is sent. */
    public void refuse(String formId, Map<String, String> fieldMessageKeys, Map<String, String> values,
                       RedirectAttributes flash) {
        Map<String, String> fields = new LinkedHashMap<>();
        fieldMessageKeys.forEach((field, key) -> fields.put(field, message(key)));
        flash.addFlashAttribute("formError", new FormError(formId, fields, message("form.refused"), values));
    }

    /** What the clerk typed, by field, as a form shows it again after a refusal (null as ""). */
    public static Map<String, String> values(String... keysAndValues) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
        }
        return values;
    }

    /**
     * An amount of money in whole yen, typed in yen or in thousands of yen ({@code "thousand"}): 46,248 千円 is
     * 46,248,000円; blank is null (unknown). A figure that is not a whole number of yen is unreadable.
     */
    public static Long yen(String field, String text, String unit) {
        BigDecimal figure = figure(field, text);
        if (figure == null) {
            return null;
        }
        BigDecimal yen = "thousand".equals(unit) ? figure.movePointRight(3) : figure;
        try {
            return yen.longValueExact();
        } catch (ArithmeticException notWholeYen) {
            throw new Unreadable(field, "form.not-whole-yen");
        }
    }

    /** The page's own refusal of a field it could not read, before anything is sent. */
    public void unreadable(Unreadable unreadable, String formId, Map<String, String> values, RedirectAttributes flash) {
        flash.addFlashAttribute("formError", new FormError(formId,
                Map.of(unreadable.field, message(unreadable.messageKey)), message("form.refused"), values));
    }

    /** A figure as the documents write it, 1,234 / ▲12 / full-width digits ({@link FigureText}); blank is null. */
    public static BigDecimal figure(String field, String text) {
        try {
            return FigureText.parse(text);
        } catch (InvalidValueException notANumber) {
            throw new Unreadable(field);
        }
    }

    /**
     * After a successful submission that leads on to another form (a registration, then its first KPI): the
     * confirmation {@code key} is shown beside that form instead.
     */
    public void noticeAt(String formId, String key, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", message(key));
        flash.addFlashAttribute("noticeForm", formId);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
