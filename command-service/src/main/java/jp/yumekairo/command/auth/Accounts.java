package jp.yumekairo.command.auth;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secretariat's accounts: it creates people (a role, and the member or the sector the role is bound to), disables
 * and enables them and resets a password. Each change is stored together with its record in {@code account_change}
 * — who, when, what, why and in which request — in one transaction; a refused change stores nothing. A reset or an
 * enabling also forgets the person's failed sign-ins, so the new password works at once.
 */
@Service
class Accounts {

    static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** A new account as the secretariat fills it in. */
    record NewAccount(String username, String displayName, String role, String municipality, String sector,
                      String password) {
    }

    private final Users users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final SignInLimits limits;
    private final DisabledAccounts disabled;

    Accounts(Users users, PasswordEncoder passwords, TransactionTemplate transaction, SignInLimits limits,
             DisabledAccounts disabled) {
        this.users = users;
        this.passwords = passwords;
        this.transaction = transaction;
        this.limits = limits;
        this.disabled = disabled;
    }

    List<Account> all(Actor actor) {
        actor.requireAdmin("see the accounts");
        return users.all();
    }

    List<AccountChange> changes(Actor actor) {
        actor.requireAdmin("see the changes of the accounts");
        return users.changes();
    }

    void create(Actor actor, NewAccount account, String reason, String requestId) {
        actor.requireAdmin("create an account");
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw AccountRefused.invalid("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "beginning with a letter or a digit");
        }
        String displayName = account.displayName() == null ? "" : account.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200) {
            throw AccountRefused.invalid("a display name of 1 to 200 characters is required");
        }
        Role role = role(account.role());
        MunicipalityCode municipality = blank(account.municipality()) ? null : municipality(account.municipality());
        Sector sector = blank(account.sector()) ? null : sector(account.sector());
        if ((role == Role.EDITOR) != (municipality != null)) {
            throw AccountRefused.invalid(role == Role.EDITOR ? "an editor is bound to one member: name it"
                    : "only an editor is bound to a member");
        }
        if ((role == Role.REVIEWER) != (sector != null)) {
            throw AccountRefused.invalid(role == Role.REVIEWER ? "a reviewer reviews for one sector: name it"
                    : "only a reviewer is bound to a sector");
        }
        String why = reason(reason);
        String hash = passwords.encode(password(account.password()));
        transaction.executeWithoutResult(status -> {
            if (!users.create(username, hash, role, municipality, sector, displayName)) {
                throw AccountRefused.exists(username);
            }
            users.recordChange(actor.userId(), username, AccountChange.Kind.CREATED, why, requestId);
        });
    }

    void disable(Actor actor, String username, String reason, String requestId) {
        actor.requireAdmin("disable an account");
        if (actor.userId().equals(username)) {
            throw AccountRefused.ownAccount();
        }
        setEnabled(actor, username, false, reason, requestId);
        disabled.add(username);
    }

    void enable(Actor actor, String username, String reason, String requestId) {
        actor.requireAdmin("enable an account");
        setEnabled(actor, username, true, reason, requestId);
        disabled.remove(username);
        limits.forget(username);
    }

    void resetPassword(Actor actor, String username, String password, String reason, String requestId) {
        actor.requireAdmin("reset a password");
        String why = reason(reason);
        String hash = passwords.encode(password(password));
        transaction.executeWithoutResult(status -> {
            if (!users.setPasswordHash(username, hash)) {
                throw AccountRefused.unknown(username);
            }
            users.recordChange(actor.userId(), username, AccountChange.Kind.PASSWORD_RESET, why, requestId);
        });
        limits.forget(username);
    }

    private void setEnabled(Actor actor, String username, boolean enabled, String reason, String requestId) {
        String why = reason(reason);
        transaction.executeWithoutResult(status -> {
            if (!users.setEnabled(username, enabled)) {
                throw users.exists(username) ? AccountRefused.unchanged(username, enabled)
                        : AccountRefused.unknown(username);
            }
            users.recordChange(actor.userId(), username,
                    enabled ? AccountChange.Kind.ENABLED : AccountChange.Kind.DISABLED, why, requestId);
        });
    }

    private static String reason(String reason) {
        if (blank(reason)) {
            throw AccountRefused.reasonRequired();
        }
        String why = reason.strip();
        if (why.length() > 1000) {
            throw AccountRefused.invalid("a reason has at most 1,000 characters");
        }
        return why;
    }

    private static String password(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw AccountRefused.weakPassword(MINIMUM_PASSWORD_LENGTH);
        }
        return password;
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.strip());
        } catch (IllegalArgumentException notARole) {
            throw AccountRefused.invalid("role is one of ADMIN, EDITOR, PREFECTURE, AUDITOR, REVIEWER");
        }
    }

    private static MunicipalityCode municipality(String code) {
        try {
            return MunicipalityCode.of(code.strip());
        } catch (IllegalArgumentException notAMember) {
            throw AccountRefused.invalid("not a member of the partnership: " + code);
        }
    }

    private static Sector sector(String sector) {
        try {
            return Sector.valueOf(sector.strip());
        } catch (IllegalArgumentException notASector) {
            throw AccountRefused.invalid("sector is one of INDUSTRY, GOVERNMENT, ACADEMIA, FINANCE, LABOUR, MEDIA");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
