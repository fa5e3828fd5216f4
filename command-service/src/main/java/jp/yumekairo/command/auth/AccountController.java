package jp.yumekairo.command.auth;

import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.edge.RequestIds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The secretariat's accounts ({@link Accounts}): only ADMIN gets here (SecurityConfiguration, before the body is
 * read). Every change names its reason; none answers a password or a hash.
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    record NewAccountRequest(String username, String displayName, String role, String municipality, String sector,
                             String password, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record PasswordRequest(String password, String reason) {
    }

    record Changed(String username, String change) {
    }

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Every account with its role, member or sector and whether it is enabled. */
    @GetMapping
    List<Account> all(Actor actor) {
        return accounts.all(actor);
    }

    /** Every change made to an account, the latest first: when, by whom, what, why, in which request. */
    @GetMapping("/changes")
    List<AccountChange> changes(Actor actor) {
        return accounts.changes(actor);
    }

    @PostMapping
    ResponseEntity<Changed> create(@RequestBody NewAccountRequest body, Actor actor, HttpServletRequest request) {
        accounts.create(actor, new Accounts.NewAccount(body.username(), body.displayName(), body.role(),
                body.municipality(), body.sector(), body.password()), body.reason(), RequestIds.of(request));
        String username = body.username().strip();
        return ResponseEntity.created(URI.create("/api/accounts/" + username))
                .body(new Changed(username, AccountChange.Kind.CREATED.name()));
    }

    @PostMapping("/{username}/disable")
    Changed disable(@PathVariable String username, @RequestBody ReasonRequest body, Actor actor,
                    HttpServletRequest request) {
        accounts.disable(actor, username, body.reason(), RequestIds.of(request));
        return new Changed(username, AccountChange.Kind.DISABLED.name());
    }

    @PostMapping("/{username}/enable")
    Changed enable(@PathVariable String username, @RequestBody ReasonRequest body, Actor actor,
                   HttpServletRequest request) {
        accounts.enable(actor, username, body.reason(), RequestIds.of(request));
        return new Changed(username, AccountChange.Kind.ENABLED.name());
    }

    @PostMapping("/{username}/password")
    Changed resetPassword(@PathVariable String username, @RequestBody PasswordRequest body, Actor actor,
                          HttpServletRequest request) {
        accounts.resetPassword(actor, username, body.password(), body.reason(), RequestIds.of(request));
        return new Changed(username, AccountChange.Kind.PASSWORD_RESET.name());
    }
}
