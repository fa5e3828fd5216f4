package jp.yumekairo.command.auth;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users in PostgreSQL, for sign-in with HTTP Basic at the token endpoint only. */
@Repository
class Users implements UserDetailsService {

    private final JdbcTemplate jdbc;

    Users(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> find(String username) {
        List<AppUser> found = jdbc.query("""
                SELECT username, password_hash, role, municipality_code, sector, enabled
                FROM app_user WHERE username = ?""",
                (rs, i) -> new AppUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : MunicipalityCode.of(rs.getString(4)),
                        rs.getString(5) == null ? null : Sector.valueOf(rs.getString(5)),
                        rs.getBoolean(6)),
                username);
        return found.stream().findFirst();
    }

    boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = ?)",
                Boolean.class, username));
    }

    /** Creates the account unless one of that name exists; answers whether it did. */
    boolean create(String username, String passwordHash, Role role, MunicipalityCode municipality, Sector sector,
                   String displayName) {
        return 1 == jdbc.update("""
                INSERT INTO app_user (username, password_hash, role, municipality_code, sector, display_name)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""",
                username, passwordHash, role.name(), municipality == null ? null : municipality.code(),
                sector == null ? null : sector.name(), displayName);
    }

    /** Every account, by user name, with its display name (never its password hash). */
    List<Account> all() {
        return jdbc.query("""
                SELECT username, display_name, role, municipality_code, sector, enabled, created_at
                FROM app_user ORDER BY username""", (rs, i) -> new Account(rs.getString(1), rs.getString(2),
                Role.valueOf(rs.getString(3)), rs.getString(4) == null ? null : MunicipalityCode.of(rs.getString(4)),
                rs.getString(5) == null ? null : Sector.valueOf(rs.getString(5)), rs.getBoolean(6),
                rs.getTimestamp(7).toInstant()));
    }

    /** The user names of the accounts that are disabled. */
    Set<String> disabled() {
        return Set.copyOf(jdbc.queryForList("SELECT username FROM app_user WHERE NOT enabled", String.class));
    }

    /** Sets the account's {@code enabled}; answers whether the account existed with the other value. */
    boolean setEnabled(String username, boolean enabled) {
        return 1 == jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ? AND enabled <> ?",
                enabled, username, enabled);
    }

    /** Replaces the account's password hash; answers whether the account exists. */
    boolean setPasswordHash(String username, String passwordHash) {
        return 1 == jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    /** Records who changed an account, how and why, in the same transaction as the change. */
    void recordChange(String changedBy, String username, AccountChange.Kind change, String reason, String requestId) {
        jdbc.update("""
                INSERT INTO account_change (changed_by, username, change, reason, request_id)
                VALUES (?, ?, ?, ?, ?)""", changedBy, username, change.name(), reason, requestId);
    }

    /** Every recorded change of an account, the latest first. */
    List<AccountChange> changes() {
        return jdbc.query("""
                SELECT changed_at, changed_by, username, change, reason, request_id
                FROM account_change ORDER BY id DESC""", (rs, i) -> new AccountChange(rs.getTimestamp(1).toInstant(),
                rs.getString(2), rs.getString(3), AccountChange.Kind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6)));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.role().name())
                .disabled(!user.enabled())
                .build();
    }
}
