package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.query.trace.Checkpoints;
import jp.yumekairo.query.web.QueryRefused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * The auditor's beans check the caller's role themselves, so a page reading through them cannot show anyone else
 * what the API refuses them: signed in as an EDITOR (as the web UI's session signs one in), they refuse.
 */
@SpringJUnitConfig(AuditMethodSecurityTest.Beans.class)
class AuditMethodSecurityTest {

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    @Import({RebuildRuns.class, Checkpoints.class})
    static class Beans {

        @Bean
        JdbcTemplate jdbc() {
            return mock(JdbcTemplate.class);
        }

        @Bean
        DataSource dataSource() {
            return mock(DataSource.class);
        }

        @Bean
        ObjectMapper json() {
            return new ObjectMapper();
        }
    }

    @Autowired
    RebuildRuns runs;
    @Autowired
    Checkpoints checkpoints;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEditor_mayNotReadTheRebuildRuns_norTheChainsCheckpoints() {
        signIn("EDITOR");

        assertThatThrownBy(() -> runs.latest()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.status(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkpoints.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkpoints.head()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAuditor_readsThem() {
        signIn("AUDITOR");

        // through to the (empty) database: no run yet
        assertThatThrownBy(() -> runs.latest()).isInstanceOf(QueryRefused.class).hasMessageContaining("no rebuild");
        assertThat(checkpoints.all()).isEmpty();
    }

    @Test
    void aPublishedReportsCheckpoint_isOpenToEveryReader() {
        signIn("EDITOR");

        assertThat(checkpoints.ofPublication("report-35202-2024", 1)).isEmpty();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
