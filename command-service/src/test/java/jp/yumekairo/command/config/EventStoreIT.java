package jp.yumekairo.command.config;

import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table is append-only in the database itself, and the query service's role can only read it. */
class EventStoreIT extends CommandServiceIT {

    @Value("${spring.datasource.url}")
    private String url;

    @BeforeEach
    void oneProject() {
        if (eventCount() == 0) {
            registerGlassProject("append-only-glass");
        }
    }

    @Test
    void updatingAStoredEvent_isRefusedByTheDatabase_evenForTheOwner() {
        assertThatThrownBy(() -> asOwner("UPDATE domain_event_entry SET payload = 'x'::bytea WHERE global_index = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE sequence_number = 0 AND aggregate_identifier = 'append-only-glass'", String.class))
                .contains("小野田ガラスのブランド化推進事業");
    }

    @Test
    void deletingOrTruncatingEvents_isRefusedByTheDatabase() {
        long before = eventCount();
        assertThatThrownBy(() -> asOwner("DELETE FROM domain_event_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner("TRUNCATE domain_event_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theQueryServicesRole_readsTheLog_butCannotWriteIt_norReadPasswords() throws SQLException {
        try (Connection query = DriverManager.getConnection(url, "yumekairo_query", "");
             Statement statement = query.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(eventCount());

            assertThatThrownBy(() -> statement.execute("INSERT INTO domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, time_stamp, payload_type, payload) "
                    + "VALUES ('x', 'x', 0, 'x', 'x', 'x'::bytea)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("SELECT password_hash FROM app_user"))
                    .hasMessageContaining("permission denied");
            // it owns its own schema for projections
            statement.execute("CREATE TABLE query.probe (id int)");
        }
    }

    @Test
    void theDatabaseHoldsNoPrivateKey_theTokenKeyIsAFileOutsideIt() {
        api.signIn("ube", "yumekairo");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_name IN ('token_signing_key', 'token_verification_key')", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND column_name ILIKE '%private%'",
                Long.class)).isZero();
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection owner = jdbc.getDataSource().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
