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

    void create(String username, String passwordHash, Role role, MunicipalityCode municipality, Sector sector,
                String displayName) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, role, municipality_code, sector, display_name)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""",
                username, passwordHash, role.name(), municipality == null ? null : municipality.code(),
                sector == null ? null : sector.name(), displayName);
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
