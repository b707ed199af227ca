package io.mempool.driver.bucket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The driver rule of docs/architecture.md for this module: it names the JDK and the api only (never core or the test kit,
 * never {@code sun.misc.Unsafe}). mempool-tests' ArchitectureTest checks the same once it depends on this
 * module.
 */
class DependencyRulesTest {

    @Test
    void dependsOnTheJdkAndTheApiOnly() {
        final JavaClasses driver = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mempool.driver.bucket");
        classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java.lang..", "java.util..", "io.mempool.api..", "io.mempool.driver.bucket..")
            .because("a driver needs nothing but the api jar (docs/architecture.md)")
            .check(driver);
    }
}
