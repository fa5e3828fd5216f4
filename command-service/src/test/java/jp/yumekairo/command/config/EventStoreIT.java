package jp.yumekairo.command.config;

import jp.yumekairo.command.support.CommandServiceIT;
import jp.yumekairo.command.support.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event table is append-only in the database itself; the command service's own role (the writer) can only append
 * to it and read it, and the query service's role can only read it.
 */
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
    void theServicesOwnConnection_isTheWriterRole_notTheOwner() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("yumekairo_writer");
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles "
                + "WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'domain_event_entry'",
                String.class)).isNotEqualTo("yumekairo_writer");
    }

    @Test
    void theWritersRole_appendsAndReads_butCannotChangeRemoveOrTruncateTheLog() throws SQLException {
        long before = eventCount();
        try (Connection writer = asWriter(); Statement statement = writer.createStatement()) {
            // what the service does: append a row (its global index from the sequence) and read the log
            statement.execute("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                    + "sequence_number, time_stamp, payload_type, payload) "
                    + "VALUES ('writer-probe', 'writer-probe', 0, 'x', 'x', 'x'::bytea)");
            assertThat(count(statement, "SELECT count(*) FROM domain_event_entry")).isEqualTo(before + 1);

            // before any trigger: the role has no such privilege
            for (String change : new String[] {
                    "UPDATE domain_event_entry SET payload = 'y'::bytea WHERE event_identifier = 'writer-probe'",
                    "DELETE FROM domain_event_entry WHERE event_identifier = 'writer-probe'",
                    "TRUNCATE domain_event_entry",
                    "SELECT setval('domain_event_entry_global_index_seq', 1)"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theWritersRole_cannotAlterOrDisableTheLogsTriggers_norDropOrAlterTheTable() throws SQLException {
        try (Connection writer = asWriter(); Statement statement = writer.createStatement()) {
            for (String change : new String[] {
                    "ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
                    "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL",
                    "ALTER TRIGGER domain_event_entry_no_truncate ON domain_event_entry RENAME TO gone",
                    "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry",
                    "CREATE OR REPLACE FUNCTION refuse_event_log_change() RETURNS trigger LANGUAGE plpgsql "
                            + "AS $$ BEGIN RETURN NEW; END $$",
                    "ALTER TABLE domain_event_entry DROP COLUMN signature",
                    "DROP TABLE domain_event_entry",
                    "SET session_replication_role = replica",
                    "CREATE TABLE public.probe (id int)"}) {
                assertThatThrownBy(() -> statement.execute(change)).as(change)
                        .isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(must be owner|permission denied).*");
            }
        }
        try (Connection owner = FreshDatabase.owner(url); Statement statement = owner.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'domain_event_entry'::regclass "
                    + "AND NOT tgisinternal AND tgenabled = 'O'")).isEqualTo(3);
        }
    }

    @Test
    void theWritersRole_cannotReadOrAlterTheQuerySchemas() throws SQLException {
        try (Connection owner = FreshDatabase.owner(url); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS query.writer_probe (id int)");
        }
        try (Connection writer = asWriter(); Statement statement = writer.createStatement()) {
            for (String attempt : new String[] {
                    "SELECT count(*) FROM query.writer_probe",
                    "INSERT INTO query.writer_probe VALUES (1)",
                    "DROP TABLE query.writer_probe",
                    "CREATE TABLE query.writer_own (id int)",
                    "CREATE TABLE query_rebuild.writer_own (id int)"}) {
                assertThatThrownBy(() -> statement.execute(attempt)).as(attempt)
                        .isInstanceOf(SQLException.class)
                        .hasMessageMatching("(?s).*(must be owner|permission denied).*");
            }
        }
    }

    private Connection asWriter() throws SQLException {
        return DriverManager.getConnection(url, "yumekairo_writer", "");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        var rows = statement.executeQuery(sql);
        rows.next();
        return rows.getLong(1);
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
        try (Connection owner = FreshDatabase.owner(url); Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
