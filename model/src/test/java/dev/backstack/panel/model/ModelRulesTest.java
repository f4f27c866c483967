package dev.backstack.panel.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model's own architecture rules, checked when the model is built (ARCHITECTURE.md). */
class ModelRulesTest {

    static final ArchRule PURE = classes()
            .that()
            .resideInAPackage("dev.backstack.panel.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.backstack.panel.model..");

    static final ArchRule NO_THREADS_OR_IO = noClasses()
            .that()
            .resideInAPackage("dev.backstack.panel.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net..", "java.nio.channels..", "java.nio.file..", "java.util.concurrent..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Thread.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.io.InputStream.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(java.io.OutputStream.class);

    private static JavaClasses model() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backstack.panel.model");
    }

    @Test
    @DisplayName("model depends on nothing but the JDK")
    void modelIsPure() {
        PURE.check(model());
    }

    @Test
    @DisplayName("model starts no threads, opens no sockets or files, and waits on nothing")
    void modelHasNoThreadsOrIo() {
        NO_THREADS_OR_IO.check(model());
    }

    @Test
    @DisplayName("the rules catch a model class that starts a thread")
    void rulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violation.class);
        assertThatThrownBy(() -> NO_THREADS_OR_IO.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thread");
    }

    /** Compiled with the tests, in the model's package: what the rules must refuse. */
    static final class Violation {
        void work() {
            new Thread(() -> {}).start();
        }
    }
}
