package jp.yumekairo.query.projection;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway owns every table: the processing tables of the {@code query} schema ({@code db/query}), then the
 * projection tables ({@code db/projection}) in both the live and the rebuild schema, each schema with its
 * own history. All of it runs before any event processor starts.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionMigrations {

    static final String LOCATION = "classpath:db/projection";
    static final String HISTORY_TABLE = "projection_schema_history";

    @Bean
    FlywayMigrationStrategy migrateProjectionsToo() {
        return flyway -> {
            flyway.migrate();
            for (ProjectionSchema schema : ProjectionSchema.values()) {
                Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .schemas(schema.schemaName())
                        .defaultSchema(schema.schemaName())
                        .createSchemas(false)
                        .locations(LOCATION)
                        .table(HISTORY_TABLE)
                        // the live schema already holds the processing tables: start this history below V1
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            }
        };
    }
}
