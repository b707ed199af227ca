package io.mempool.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.mempool.tests.planted.api.CleanApi;
import io.mempool.tests.planted.api.LeakyApi;
import io.mempool.tests.planted.core.CleanCore;
import io.mempool.tests.planted.core.LeakyCore;
import io.mempool.tests.planted.cycle.a.CycleA;
import io.mempool.tests.planted.cycle.b.CycleB;
import io.mempool.tests.planted.driver.CleanDriver;
import io.mempool.tests.planted.driver.LeakyDriver;
import io.mempool.tests.planted.driver.UnsafeDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module rules of docs/architecture.md, checked on the library's classes (the api, core, driver and test-kit
 * jars on the test class path). Each rule is one constant, also checked against planted classes in
 * {@code io.mempool.tests.planted}: it must throw for the one that breaks it and pass for a clean
 * one, so a rule that could never fail would show here. The planted packages are part of each
 * layer's package list; the library import excludes test classes, so they never mix.
 */
class ArchitectureTest {
    private static final String[] API = {"io.mempool.api..", "io.mempool.tests.planted.api.."};
    private static final String[] CORE = {"io.mempool.core..", "io.mempool.tests.planted.core.."};
    private static final String[] DRIVER = {"io.mempool.driver..", "io.mempool.tests.planted.driver.."};
    private static final String[] LIBRARY = concat(API, CORE, DRIVER);

    /** mempool-api imports nothing of the project: only java.* (and itself). */
    static final ArchRule API_DEPENDS_ON_THE_JDK_ONLY = classes().that().resideInAnyPackage(API)
        .should().onlyDependOnClassesThat().resideInAnyPackage(concat(new String[] {"java.."}, API))
        .because("a third-party driver needs nothing but the api jar (docs/architecture.md: modules)");

    /** Drivers name no project class outside io.mempool.api and their own packages. */
    static final ArchRule DRIVERS_DEPEND_ON_THE_API_ONLY = noClasses().that().resideInAnyPackage(DRIVER)
        .should().dependOnClassesThat(resideInAnyPackage("io.mempool..").and(not(resideInAnyPackage(concat(API, DRIVER)))))
        .because("drivers import io.mempool.api only, never core or the test-kit (docs/architecture.md: modules)");

    /** Core finds drivers through ServiceLoader only. */
    static final ArchRule CORE_NAMES_NO_DRIVER = noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(DRIVER)
        .because("mempool-core finds drivers only through ServiceLoader (docs/architecture.md: modules)");

    /** No cycles between the project's packages. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.mempool.(**)").should().beFreeOfCycles()
        .because("no package cycles (docs/architecture.md: modules)");

    /**
     * sun.misc.Unsafe prints deprecation warnings on JDK 24+: only the JDK 17 base of core's memory layer
     * names it (its JDK 22+ classes, in META-INF/versions/22, replace the class that reaches it).
     */
    static final ArchRule NO_SUN_MISC_UNSAFE = noClasses().that().resideInAnyPackage(LIBRARY)
        .and().resideOutsideOfPackage("io.mempool.core.memory")
        .should().dependOnClassesThat().haveFullyQualifiedName("sun.misc.Unsafe")
        .because("on JDK 24+ it prints warnings in the user's log: one memory layer owns off-heap access");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mempool");
    }

    private static String[] concat(final String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    private static JavaClasses planted(final Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void assertCatches(final ArchRule rule, final Class<?> breaking) {
        final AssertionError error = assertThrows(AssertionError.class, () -> rule.check(planted(breaking)),
            "the rule missed the planted " + breaking.getSimpleName());
        assertTrue(error.getMessage().contains(breaking.getName()),
            "the rule failed, but not for " + breaking.getName() + ": " + error.getMessage());
    }

    @Test
    void libraryImportSeesEveryModule() {
        for (final String pkg : new String[] {"io.mempool.api", "io.mempool.core", "io.mempool.driver.ring",
            "io.mempool.driver.stack", "io.mempool.driver.bucket", "io.mempool.driver.agrona", "io.mempool.testkit"}) {
            assertTrue(library.stream().anyMatch(c -> c.getPackageName().equals(pkg)),
                "no class of " + pkg + " on the test class path");
        }
        assertTrue(library.stream().noneMatch(c -> c.getPackageName().startsWith("io.mempool.tests")),
            "test classes leaked into the library import");
    }

    @Test
    void apiDependsOnTheJdkOnly() {
        API_DEPENDS_ON_THE_JDK_ONLY.check(library);
        API_DEPENDS_ON_THE_JDK_ONLY.check(planted(CleanApi.class));
        assertCatches(API_DEPENDS_ON_THE_JDK_ONLY, LeakyApi.class);
    }

    @Test
    void driversDependOnTheApiOnly() {
        DRIVERS_DEPEND_ON_THE_API_ONLY.check(library);
        DRIVERS_DEPEND_ON_THE_API_ONLY.check(planted(CleanDriver.class));
        assertCatches(DRIVERS_DEPEND_ON_THE_API_ONLY, LeakyDriver.class);
    }

    @Test
    void coreNamesNoDriver() {
        CORE_NAMES_NO_DRIVER.check(library);
        CORE_NAMES_NO_DRIVER.check(planted(CleanCore.class));
        assertCatches(CORE_NAMES_NO_DRIVER, LeakyCore.class);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(library);
        NO_PACKAGE_CYCLES.check(planted(CleanCore.class, CleanDriver.class, CleanApi.class));
        final AssertionError error = assertThrows(AssertionError.class,
            () -> NO_PACKAGE_CYCLES.check(planted(CycleA.class, CycleB.class)), "the rule missed the planted cycle a -> b -> a");
        assertTrue(error.getMessage().contains(CycleA.class.getName()) && error.getMessage().contains(CycleB.class.getName()),
            "the rule failed, but not for the planted cycle: " + error.getMessage());
    }

    @Test
    void noSunMiscUnsafeInLibraryPackages() {
        NO_SUN_MISC_UNSAFE.check(library);
        NO_SUN_MISC_UNSAFE.check(planted(CleanDriver.class, CleanCore.class, CleanApi.class));
        assertCatches(NO_SUN_MISC_UNSAFE, UnsafeDriver.class);
    }
}
