package jp.yumekairo.command;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The feature packages of the command service as Spring Modulith's application modules: no cycle between them,
 * and none reaches into another's internals. The shared edge ({@code jp.yumekairo.edge}) and the events lie
 * outside the service's root package, so to this check they are libraries, not modules.
 */
class ModuleStructureTest {

    @Test
    void theFeaturePackages_formNoCycle_andUseOnlyEachOthersPublishedTypes() {
        ApplicationModules.of(CommandServiceApplication.class).verify();
    }

    @Test
    void theSameCheck_failsOnPackagesThatImportEachOther() {
        // the fixture lives with the tests, which the check of the service leaves out: import it all here
        ImportOption everything = location -> true;
        ApplicationModules fixture = ApplicationModules.of("jp.yumekairo.cyclefixture", everything);

        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("left")
                .hasMessageContaining("right");
    }
}
