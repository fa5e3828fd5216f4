package jp.yumekairo.query.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.edge.RequestIds;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import jp.yumekairo.query.ui.CommandService;
import jp.yumekairo.query.ui.Forms;
import jp.yumekairo.query.ui.SignedIn;
import jp.yumekairo.query.ui.UiPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * アカウントの管理: the secretariat creates people (a role and the member or sector it is bound to), disables and
 * enables them and resets a password, each with its reason, and sees every change recorded so far. The accounts are
 * the command service's: this page reads and writes them through its API as the signed-in secretariat, so its rules
 * and its record apply as to any client. Only the secretariat (ADMIN) gets here (ui.UiSecurity); the command service
 * checks the same again.
 */
@Controller
@UiPage
class AccountsPageController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final List<String> ROLES = List.of("EDITOR", "REVIEWER", "PREFECTURE", "AUDITOR", "ADMIN");

    /** An account as the page lists it. */
    record Account(String username, String displayName, String role, String municipality, String sector,
                   boolean enabled, Instant createdAt) {
    }

    /** A recorded change of an account. */
    record Change(Instant changedAt, String changedBy, String username, String change, String reason, String requestId) {
    }

    private final CommandService commands;
    private final Forms forms;

    AccountsPageController(CommandService commands, Forms forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @GetMapping("/accounts")
    String accounts(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
        CommandService.Outcome accounts = read(me, "/api/accounts", request);
        CommandService.Outcome changes = read(me, "/api/accounts/changes", request);
        model.addAttribute("reachable", accounts.ok() && changes.ok());
        List<Account> listed = new ArrayList<>();
        accounts.body().forEach(a -> listed.add(new Account(a.path("username").asText(), a.path("displayName").asText(),
                a.path("role").asText(), text(a.path("municipality")), text(a.path("sector")),
                a.path("enabled").asBoolean(), instant(a.path("createdAt")))));
        List<Change> recorded = new ArrayList<>();
        changes.body().forEach(c -> recorded.add(new Change(instant(c.path("changedAt")), c.path("changedBy").asText(),
                c.path("username").asText(), c.path("change").asText(), c.path("reason").asText(),
                c.path("requestId").asText(""))));
        model.addAttribute("accounts", listed);
        model.addAttribute("changes", recorded);
        model.addAttribute("roles", ROLES);
        model.addAttribute("members", MunicipalityCode.values());
        model.addAttribute("sectors", Sector.values());
        return "accounts";
    }

    @PostMapping("/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String municipality,
                  @RequestParam(defaultValue = "") String sector, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SignedIn me,
                  HttpServletRequest request, RedirectAttributes flash) {
        String formId = "account-new";
        // the password is never shown again, not even after a refusal
        Map<String, String> values = Forms.values("username", username, "displayName", displayName, "role", role,
                "municipality", municipality, "sector", sector, "password", "", "reason", reason);
        Map<String, String> refused = new LinkedHashMap<>();
        if (!USERNAME.matcher(username.strip()).matches()) {
            refused.put("username", "accounts.username.invalid");
        }
        if (displayName.isBlank()) {
            refused.put("displayName", "form.required");
        }
        if (!ROLES.contains(role)) {
            refused.put("role", "form.choose");
        } else if (role.equals("EDITOR") == municipality.isBlank()) {
            refused.put("municipality", role.equals("EDITOR") ? "accounts.municipality.required" : "accounts.municipality.none");
        }
        if (ROLES.contains(role) && role.equals("REVIEWER") == sector.isBlank()) {
            refused.put("sector", role.equals("REVIEWER") ? "accounts.sector.required" : "accounts.sector.none");
        }
        if (reason.isBlank()) {
            refused.put("reason", "form.required");
        }
        if (!refused.isEmpty()) {
            forms.refuse(formId, refused, values, flash);
            return "redirect:/accounts#" + formId;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username.strip());
        body.put("displayName", displayName.strip());
        body.put("role", role);
        body.put("municipality", municipality.isBlank() ? null : municipality);
        body.put("sector", sector.isBlank() ? null : sector);
        body.put("password", password);
        body.put("reason", reason);
        send(request, me, formId, "/api/accounts", body, values, flash);
        return "redirect:/accounts#" + formId;
    }

    /** Disables ({@code action=disable}) or enables ({@code action=enable}) an account. */
    @PostMapping("/accounts/state")
    String state(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String action,
                 @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SignedIn me,
                 HttpServletRequest request, RedirectAttributes flash) {
        String formId = "account-state";
        Map<String, String> values = Forms.values("username", username, "action", action, "reason", reason);
        Map<String, String> refused = new LinkedHashMap<>();
        if (!USERNAME.matcher(username).matches()) {
            refused.put("username", "form.choose");
        }
        if (!action.equals("disable") && !action.equals("enable")) {
            refused.put("action", "form.choose");
        }
        if (reason.isBlank()) {
            refused.put("reason", "form.required");
        }
        if (!refused.isEmpty()) {
            forms.refuse(formId, refused, values, flash);
        } else {
            send(request, me, formId, "/api/accounts/" + username + "/" + action, Map.of("reason", reason), values, flash);
        }
        return "redirect:/accounts#" + formId;
    }

    @PostMapping("/accounts/password")
    String resetPassword(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SignedIn me,
                         HttpServletRequest request, RedirectAttributes flash) {
        String formId = "account-password";
        Map<String, String> values = Forms.values("username", username, "password", "", "reason", reason);
        Map<String, String> refused = new LinkedHashMap<>();
        if (!USERNAME.matcher(username).matches()) {
            refused.put("username", "form.choose");
        }
        if (reason.isBlank()) {
            refused.put("reason", "form.required");
        }
        if (!refused.isEmpty()) {
            forms.refuse(formId, refused, values, flash);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("password", password);
            body.put("reason", reason);
            send(request, me, formId, "/api/accounts/" + username + "/password", body, values, flash);
        }
        return "redirect:/accounts#" + formId;
    }

    private void send(HttpServletRequest request, SignedIn me, String formId, String path, Map<String, ?> body,
                      Map<String, String> values, RedirectAttributes flash) {
        forms.submit(request, me, new Forms.Submission(formId, "POST", path, body, null, values), outcome -> {
        }, flash);
    }

    private CommandService.Outcome read(SignedIn me, String path, HttpServletRequest request) {
        CommandService.Outcome outcome = commands.fetch(me, path, RequestIds.of(request));
        if (outcome.status() == 401 || outcome.status() == 403) {
            throw new AccessDeniedException("the command service refused the accounts to this token");
        }
        return outcome;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
