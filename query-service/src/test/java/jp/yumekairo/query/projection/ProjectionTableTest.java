package jp.yumekairo.query.projection;

import jp.yumekairo.query.projection.ProjectionRow.KgiRow;
import jp.yumekairo.query.projection.ProjectionRow.KpiTargetRow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionTableTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2025, 6, 30, 1, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aRow_isBoundToItsTablesColumnsByName_theSequenceAndTimeFromTheMessage() {
        KpiTargetRow row = new KpiTargetRow("ube-tokiwa", "visitors", 2024, new BigDecimal("1200"));

        // kpi_target: project_id, sequence_number, recorded_at, kpi_id, fiscal_year, target
        assertThat(ProjectionTable.of(row)).isEqualTo(ProjectionTable.KPI_TARGET);
        assertThat(ProjectionTable.KPI_TARGET.values(row, 7, AT))
                .containsExactly("ube-tokiwa", 7L, AT, "visitors", 2024, new BigDecimal("1200"));
    }

    @Test
    void aTableWhoseColumnsAreNotInTheirInsertOrder_stillGetsEachValueInItsColumn() {
        KgiRow row = new KgiRow("plan-1", "kgi-1", "観光客数", "人", "UP", "SUM", new BigDecimal("10"), 2023);

        // kgi: plan_id, sequence_number, kgi_id, recorded_at, name, unit, direction, aggregation, baseline, baseline_year
        assertThat(ProjectionTable.KGI.values(row, 3, AT))
                .containsExactly("plan-1", 3L, "kgi-1", AT, "観光客数", "人", "UP", "SUM", new BigDecimal("10"), 2023);
    }

    @Test
    void everyTable_bindsEachComponentOfItsRowToOneColumn() throws ReflectiveOperationException {
        for (Class<?> type : ProjectionRow.class.getPermittedSubclasses()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = sample(components[i].getType(), i);
            }
            ProjectionRow row = (ProjectionRow) type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(arguments);
            ProjectionTable table = ProjectionTable.of(row);

            // every component once, plus the message's sequence number and time
            assertThat(table.values(row, 42, AT)).as(table.tableName()).hasSize(components.length + 2)
                    .contains(42L, AT).contains(arguments);
        }
    }

    private static Object sample(Class<?> type, int index) {
        if (type == int.class || type == Integer.class) {
            return 1000 + index;
        }
        if (type == long.class || type == Long.class) {
            return 2000L + index;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(3000 + index);
        }
        if (type == String[].class) {
            return new String[]{"3520" + index};
        }
        return "value-" + index;
    }

    @Test
    void aRow_cannotBeBoundToAnotherTable() {
        KpiTargetRow row = new KpiTargetRow("ube-tokiwa", "visitors", 2024, BigDecimal.ONE);

        assertThatThrownBy(() -> ProjectionTable.PLAN_TARGET.values(row, 1, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
