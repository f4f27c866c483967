package dev.backstack.panel.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules that span modules (ARCHITECTURE.md): nothing depends on app, only views.fx posts to the
 * FX thread, only the Launcher prints, nothing uses the common pool. Each module checks its own
 * rules when it is built: {@code ModelRulesTest}, {@code InstallerRulesTest}, {@code ViewsRulesTest}.
 */
class ModuleArrowsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backstack.panel");
    }

    @Test
    @DisplayName("nothing depends on app")
    void nothingDependsOnApp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.backstack.panel.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.backstack.panel.app..")
                .check(classes);
    }

    @Test
    @DisplayName("only views.fx posts to the FX thread, by a call or a method reference")
    void onlyOnePackageCallsRunLater() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.backstack.panel.views.fx..")
                .should()
                .accessTargetWhere(RUN_LATER)
                .check(classes);
    }

    @Test
    @DisplayName(
            "product code writes to System.out and System.err only in the Launcher (the command line's own output)")
    void noSystemOutInProductCode() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(classes);
    }

    @Test
    @DisplayName("nothing runs on the common fork-join pool (it is not ours to block, and has one thread on two cores)")
    void noCommonPool() {
        noClasses().should().accessTargetWhere(COMMON_POOL).check(classes);
    }

    @Test
    @DisplayName("the rules above catch what they are meant to (a violating class of the tests fails each)")
    void rulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violations.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> noClasses().should().accessTargetWhere(RUN_LATER).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("runLater");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        noClasses().should().accessField(System.class, "out").check(bad))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        noClasses().should().accessTargetWhere(COMMON_POOL).check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("runAsync");
    }

    /** {@code CompletableFuture}'s {@code ...Async} methods without an executor, and {@code ForkJoinPool.commonPool()}. */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>>
            COMMON_POOL = com.tngtech.archunit.base.DescribedPredicate.describe(
                    "the common pool",
                    a -> (a.getTargetOwner().isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                                    && a.getName().endsWith("Async")
                                    && a instanceof com.tngtech.archunit.core.domain.JavaMethodCall
                                    && ((com.tngtech.archunit.core.domain.JavaMethodCall) a)
                                            .getTarget().getRawParameterTypes().stream()
                                                    .noneMatch(
                                                            t -> t.isAssignableTo(java.util.concurrent.Executor.class)))
                            || (a.getTargetOwner().isEquivalentTo(java.util.concurrent.ForkJoinPool.class)
                                    && a.getName().equals("commonPool")));

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>>
            RUN_LATER = com.tngtech.archunit.base.DescribedPredicate.describe(
                    "Platform.runLater",
                    a -> a.getTargetOwner().isEquivalentTo(javafx.application.Platform.class)
                            && a.getName().equals("runLater"));

    /** Each rule's violation, compiled as a test class so the rules can be shown to fail. */
    static final class Violations {
        void methodReference(java.util.function.Consumer<Runnable> post) {
            post.accept(() -> {});
            java.util.function.Consumer<Runnable> later = javafx.application.Platform::runLater;
            later.accept(() -> System.out.println("printed"));
            java.util.concurrent.CompletableFuture.runAsync(() -> {});
        }
    }
}
