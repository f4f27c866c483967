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
    @DisplayName("only views.fx posts to the FX thread, by a call or a method reference")
    void onlyOnePackageCallsRunLater() {
        noClasses().that().resideOutsideOfPackage("dev.backstack.panel.views.fx..")
                .should().accessTargetWhere(RUN_LATER)
                .check(classes);
    }

    @Test
    @DisplayName("view-models, and the classes nested in them, have no scene-graph code")
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    @DisplayName("model starts no threads, opens no sockets or files, and waits on nothing")
    void modelHasNoThreadsOrIo() {
        noClasses().that().resideInAPackage("dev.backstack.panel.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                        "java.nio.file..", "java.util.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.InputStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.OutputStream.class)
                .check(classes);
    }

    @Test
    @DisplayName("product code writes to System.out and System.err only in the Launcher (the command line's own output)")
    void noSystemOutInProductCode() {
        noClasses().that().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    @DisplayName("nothing runs on the common fork-join pool (it is not ours to block, and has one thread on two cores)")
    void noCommonPool() {
        noClasses().should().accessTargetWhere(COMMON_POOL).check(classes);
    }

    @Test
    @DisplayName("the live engine keeps no executor in a static field: its threads belong to LiveThreads")
    void liveEngineHasNoStaticExecutor() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields().that().areStatic()
                .and().areDeclaredInClassesThat().resideInAPackage("dev.backstack.panel.installer.live..")
                .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe("an executor",
                        t -> t.isAssignableTo(java.util.concurrent.Executor.class)))
                .check(classes);
    }

    @Test
    @DisplayName("the rules above catch what they are meant to (a violating class of the tests fails each)")
    void rulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violations.class, Violations.RowViewModel.class,
                Violations.RowViewModel.Nested.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
                .should().accessTargetWhere(RUN_LATER).check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("runLater");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..").check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Nested");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
                .should().accessField(System.class, "out").check(bad)).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses()
                .should().accessTargetWhere(COMMON_POOL).check(bad)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("runAsync");
    }

    /** {@code CompletableFuture.runAsync/supplyAsync} without an executor, and {@code ForkJoinPool.commonPool()}. */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>> COMMON_POOL =
            com.tngtech.archunit.base.DescribedPredicate.describe("the common pool",
                    a -> (a.getTargetOwner().isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                            && (a.getName().equals("runAsync") || a.getName().equals("supplyAsync")
                                    || a.getName().endsWith("Async"))
                            && a instanceof com.tngtech.archunit.core.domain.JavaMethodCall
                            && ((com.tngtech.archunit.core.domain.JavaMethodCall) a).getTarget().getRawParameterTypes()
                                    .stream().noneMatch(t -> t.isAssignableTo(java.util.concurrent.Executor.class)))
                            || (a.getTargetOwner().isEquivalentTo(java.util.concurrent.ForkJoinPool.class)
                                    && a.getName().equals("commonPool")));

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>> RUN_LATER =
            com.tngtech.archunit.base.DescribedPredicate.describe("Platform.runLater",
                    a -> a.getTargetOwner().isEquivalentTo(javafx.application.Platform.class)
                            && a.getName().equals("runLater"));

    /** Each rule's violation, compiled as a test class so the rules can be shown to fail. */
    static final class Violations {
        void methodReference(java.util.function.Consumer<Runnable> post) {
            post.accept(() -> { });
            java.util.function.Consumer<Runnable> later = javafx.application.Platform::runLater;
            later.accept(() -> System.out.println("printed"));
            java.util.concurrent.CompletableFuture.runAsync(() -> { });
        }

        static final class RowViewModel {
            static final class Nested {
                javafx.scene.control.Label label;
            }
        }
    }
}
