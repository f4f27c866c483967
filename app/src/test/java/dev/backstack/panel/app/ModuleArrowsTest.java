package dev.backstack.panel.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module arrows of ARCHITECTURE.md: app -> views -> installer -> model, views -> model, installer -> resources. */
class ModuleArrowsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backstack.panel");
    }

    @Test
    @DisplayName("model depends on nothing but the JDK")
    void modelIsPure() {
        classes().that().resideInAPackage("dev.backstack.panel.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.backstack.panel.model..")
                .check(classes);
    }

    @Test
    @DisplayName("views never touch fabric8, Helm or JGit types")
    void viewsDoNotTouchClientTypes() {
        noClasses().that().resideInAPackage("dev.backstack.panel.views..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri..", "org.eclipse.jgit..")
                .check(classes);
    }

    @Test
    @DisplayName("installer knows nothing of JavaFX, views or app")
    void installerHasNoUi() {
        noClasses().that().resideInAPackage("dev.backstack.panel.installer..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.backstack.panel.views..",
                        "dev.backstack.panel.app..")
                .check(classes);
    }

    @Test
    @DisplayName("nothing depends on app")
    void nothingDependsOnApp() {
        noClasses().that().resideOutsideOfPackage("dev.backstack.panel.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.backstack.panel.app..")
                .check(classes);
    }

    @Test
    @DisplayName("only views.fx posts to the FX thread")
    void onlyOnePackageCallsRunLater() {
        noClasses().that().resideOutsideOfPackage("dev.backstack.panel.views.fx..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    @DisplayName("view-models have no scene-graph code")
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }
}
