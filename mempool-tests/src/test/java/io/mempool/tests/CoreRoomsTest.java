package io.mempool.tests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.mempool.api.MempoolOps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rooms of mempool-core and their one-way doors (docs/architecture.md), checked class by class on the
 * library's classes and, for each rule, against a class planted in {@code io.mempool.core} (test sources
 * only) that breaks it: facade → cache → store boundary → driver; facade → lifecycle → memory and shared
 * pool; diagnostics only read.
 */
class CoreRoomsTest {
    private static final String CORE = "io.mempool.core.";
    /** The facade and the classes that present pools to the outside: they may hold and call a Mempool. */
    private static final Set<String> FACADE = Set.of(CORE + "Mempool", CORE + "MempoolBuilder", CORE + "LivePools",
        CORE + "MempoolJmx", CORE + "PoolAnnouncer");
    /** Public API types whose signatures name the pool (callbacks, MempoolCache.pool()): they may hold one. */
    private static final Set<String> SIGNATURES = Set.of(CORE + "MempoolCache", CORE + "ObjectVisitor", CORE + "ChunkVisitor",
        CORE + "MempoolEventListener");

    /** No class below the facade depends on the pool: the rooms get their parts at construction. */
    static final ArchRule NOTHING_BELOW_THE_FACADE_NAMES_THE_POOL = noClasses()
        .that(inCoreBut(FACADE, SIGNATURES))
        .should().dependOnClassesThat().haveFullyQualifiedName(CORE + "Mempool")
        .because("a room reaches its siblings through what it was handed, never back up through the facade");

    /** MempoolCache holds its pool only to hand it back from pool(): it calls nothing on it. */
    static final ArchRule THE_CACHE_ONLY_HOLDS_ITS_POOL = noClasses()
        .that().haveFullyQualifiedName(CORE + "MempoolCache")
        .should().accessClassesThat().haveFullyQualifiedName(CORE + "Mempool")
        .because("the cache reaches the store through its PoolState, not through the facade");

    /** Every call of a store goes through StoreBoundary; others may only read an ops' name and promises. */
    static final ArchRule ONLY_THE_BOUNDARY_CALLS_THE_DRIVER = noClasses()
        .that().resideInAPackage("io.mempool.core..").and().doNotHaveFullyQualifiedName(CORE + "StoreBoundary")
        .should().callMethodWhere(storeCall())
        .because("one class translates offsets, guards close and names the store in refusals");

    /** Only the lifecycle writes the pool's state; everyone else, diagnostics included, reads it. */
    static final ArchRule ONLY_THE_LIFECYCLE_WRITES_THE_STATE = noClasses()
        .that().resideInAPackage("io.mempool.core..").and().doNotHaveFullyQualifiedName(CORE + "PoolLifecycle")
        .should().callMethodWhere(writeOf(CORE + "PoolState", "choose", "placeMemory", "publish", "markClosed", "drop"))
        .because("one writer: the phases, the store chosen and what population publishes change in one place");

    /** The store boundary is the bottom room: it knows no cache, registry, path, lifecycle or diagnostic. */
    static final ArchRule THE_BOUNDARY_LOOKS_DOWN_ONLY = noClasses()
        .that().haveFullyQualifiedName(CORE + "StoreBoundary").or().haveFullyQualifiedName(CORE + "StoreGuard")
        .should().dependOnClassesThat(named("MempoolCache", "CacheRegistry", "FullPath", "PoolLifecycle", "PoolInspector"))
        .because("facade -> cache -> store boundary -> driver");

    /** A cache knows its store and its CacheHome, not the registry, the path above it or the lifecycle. */
    static final ArchRule THE_CACHE_LOOKS_DOWN_ONLY = noClasses()
        .that().haveFullyQualifiedName(CORE + "MempoolCache")
        .should().dependOnClassesThat(named("CacheRegistry", "FullPath", "PoolLifecycle", "PoolInspector"))
        .because("facade -> cache -> store boundary -> driver");

    /** The registry and the lifecycle never call up into the full path or the diagnostics. */
    static final ArchRule ROOMS_DO_NOT_CALL_UP = noClasses()
        .that(named("CacheRegistry", "PoolLifecycle", "Placement", "Population", "SharedPool", "PoolObjects"))
        .should().dependOnClassesThat(named("FullPath", "PoolInspector"))
        .because("only the facade drives the full path and the diagnostics");

    /** The memory layer is a leaf: it knows nothing of the pool. */
    static final ArchRule THE_MEMORY_LAYER_IS_A_LEAF = noClasses()
        .that().resideInAPackage("io.mempool.core.memory..")
        .should().dependOnClassesThat().resideInAPackage("io.mempool.core")
        .because("every off-heap access is in one package that any part of core may use");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mempool.core");
    }

    private static DescribedPredicate<JavaClass> inCoreBut(final Set<String> first, final Set<String> second) {
        return DescribedPredicate.describe("in io.mempool.core, not the facade or an API type naming the pool",
            c -> c.getPackageName().startsWith("io.mempool.core") && !first.contains(outer(c)) && !second.contains(outer(c)));
    }

    /** The top-level class a (possibly nested or lambda) class belongs to. */
    private static String outer(final JavaClass c) {
        final String name = c.getName();
        final int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static DescribedPredicate<JavaClass> named(final String... simpleNames) {
        final Set<String> names = Set.of(simpleNames);
        return DescribedPredicate.describe("one of " + names, c -> c.getPackageName().equals("io.mempool.core")
            && names.contains(outer(c).substring(CORE.length())));
    }

    private static DescribedPredicate<JavaMethodCall> storeCall() {
        final Set<String> calls = Arrays.stream(MempoolOps.class.getDeclaredMethods()).map(Method::getName)
            .filter(name -> !name.equals("name") && !name.equals("requiredFlags")).collect(Collectors.toSet());
        return DescribedPredicate.describe("a call of a store (a MempoolOps method but name() or requiredFlags())",
            call -> call.getTarget().getOwner().isAssignableTo(MempoolOps.class) && calls.contains(call.getName()));
    }

    private static DescribedPredicate<JavaMethodCall> writeOf(final String owner, final String... methods) {
        final Set<String> writes = Set.of(methods);
        return DescribedPredicate.describe("a write of " + owner + " " + writes,
            call -> call.getTarget().getOwner().getName().equals(owner) && writes.contains(call.getName()));
    }

    private static JavaClasses planted(final String simpleName) {
        return new ClassFileImporter().importPackages("io.mempool.core").that(simpleNameEndingWith(simpleName));
    }

    private static void assertCatches(final ArchRule rule, final String plantedName) {
        final AssertionError error = assertThrows(AssertionError.class, () -> rule.check(planted(plantedName)),
            "the rule missed the planted " + plantedName);
        assertTrue(error.getMessage().contains(plantedName), "the rule failed, but not for " + plantedName + ": "
            + error.getMessage());
    }

    @Test
    void nothingBelowTheFacadeNamesThePool() {
        NOTHING_BELOW_THE_FACADE_NAMES_THE_POOL.check(library);
        THE_CACHE_ONLY_HOLDS_ITS_POOL.check(library);
        assertCatches(NOTHING_BELOW_THE_FACADE_NAMES_THE_POOL, "PlantedReachBack");
    }

    @Test
    void onlyTheBoundaryCallsTheDriver() {
        ONLY_THE_BOUNDARY_CALLS_THE_DRIVER.check(library);
        assertCatches(ONLY_THE_BOUNDARY_CALLS_THE_DRIVER, "PlantedDriverCall");
    }

    @Test
    void onlyTheLifecycleWritesTheState() {
        ONLY_THE_LIFECYCLE_WRITES_THE_STATE.check(library);
        assertCatches(ONLY_THE_LIFECYCLE_WRITES_THE_STATE, "PlantedStateWriter");
    }

    @Test
    void roomsLookDownOnly() {
        THE_BOUNDARY_LOOKS_DOWN_ONLY.check(library);
        THE_CACHE_LOOKS_DOWN_ONLY.check(library);
        ROOMS_DO_NOT_CALL_UP.check(library);
        THE_MEMORY_LAYER_IS_A_LEAF.check(library);
    }
}
