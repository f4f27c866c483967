package dev.backstack.panel.installer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The installer's own architecture rules, checked when the installer is built (ARCHITECTURE.md). */
class InstallerRulesTest {

    static final ArchRule NO_UI = noClasses()
            .that()
            .resideInAPackage("dev.backstack.panel.installer..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.backstack.panel.views..", "dev.backstack.panel.app..");

    static final ArchRule NO_STATIC_EXECUTOR = noFields()
            .that()
            .areStatic()
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("dev.backstack.panel.installer.live..")
            .should()
            .haveRawType(DescribedPredicate.describe(
                    "an executor", t -> t.isAssignableTo(java.util.concurrent.Executor.class)));

    private static JavaClasses installer() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backstack.panel.installer");
    }

    @Test
    @DisplayName("installer knows nothing of JavaFX, views or app")
    void installerHasNoUi() {
        NO_UI.check(installer());
    }

    @Test
    @DisplayName("the live engine keeps no executor in a static field: its threads belong to LiveThreads")
    void liveEngineHasNoStaticExecutor() {
        NO_STATIC_EXECUTOR.check(installer());
    }
}
