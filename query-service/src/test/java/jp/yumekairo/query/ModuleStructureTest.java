package jp.yumekairo.query;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query service's feature packages (each direct sub-package of {@code jp.yumekairo.query} is a module) form no
 * cycle and use only each other's published types; and the check does fail on a cycle, so it cannot pass vacuously.
 */
class ModuleStructureTest {

    @Test
    void theFeaturePackages_formNoCycle_andUseOnlyEachOthersPublishedTypes() {
        ApplicationModules.of(QueryServiceApplication.class).verify();
    }

    @Test
    void theCheck_fails_whenTwoPackagesImportEachOther() {
        // jp.yumekairo.modulecycle.first and .second (test sources only) import each other
        ApplicationModules modules = ApplicationModules.of("jp.yumekairo.modulecycle",
                new ImportOption.OnlyIncludeTests());

        assertThatThrownBy(modules::verify).hasMessageContaining("Cycle detected")
                .hasMessageContaining("first").hasMessageContaining("second");
    }
}
