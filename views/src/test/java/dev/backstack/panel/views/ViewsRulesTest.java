package dev.backstack.panel.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The views' own architecture rules, checked when the views are built (ARCHITECTURE.md). */
class ViewsRulesTest {

    static final ArchRule NO_CLIENT_TYPES = noClasses()
            .that()
            .resideInAPackage("dev.backstack.panel.views..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fabric8..", "com.marcnuri..", "org.eclipse.jgit..");

    static final ArchRule VIEW_MODELS_WITHOUT_SCENE_GRAPH = noClasses()
            .that()
            .haveNameMatching(".*ViewModel(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..");

    private static JavaClasses views() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backstack.panel.views");
    }

    @Test
    @DisplayName("views never touch fabric8, Helm or JGit types")
    void viewsDoNotTouchClientTypes() {
        NO_CLIENT_TYPES.check(views());
    }

    @Test
    @DisplayName("view-models, and the classes nested in them, have no scene-graph code")
    void viewModelsHaveNoSceneGraph() {
        VIEW_MODELS_WITHOUT_SCENE_GRAPH.check(views());
    }

    @Test
    @DisplayName("the rules catch a scene-graph type in a class nested in a view-model")
    void rulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(RowViewModel.Nested.class);
        assertThatThrownBy(() -> VIEW_MODELS_WITHOUT_SCENE_GRAPH.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Nested");
    }

    /** Compiled with the tests: what the rules must refuse. */
    static final class RowViewModel {
        static final class Nested {
            javafx.scene.control.Label label;
        }
    }
}
