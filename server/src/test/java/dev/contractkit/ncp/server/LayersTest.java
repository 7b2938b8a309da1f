package dev.contractkit.ncp.server;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.workspace.ScopeResolver;
import dev.contractkit.ncp.server.workspace.Workspaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's packages import only downwards (ARCHITECTURE.md): a class that reaches up a layer fails the
 * build, naming the class, the member and the line.
 */
class LayersTest {
    private static final String ROOT = "dev.contractkit.ncp.server";

    /** Top to bottom. */
    private static final List<String> LAYERS = List.of("wiring", "edges", "features", "seed", "auth", "config", "error", "subscription",
            "store", "generated");

    private static String[] above(String layer) {
        return LAYERS.subList(0, LAYERS.indexOf(layer)).toArray(String[]::new);
    }

    /** The layers of more than one package, and their packages. */
    private static final Map<String, List<String>> PACKAGES_OF_LAYER = Map.of(
            "edges", List.of("api", "admin", "ui", "health", "gateway", "proxy"),
            "features", List.of("pact", "journal", "switches", "http", "workspace", "upstream", "metrics"));

    /** Within a layer, packages do not import each other: what two of them share belongs a layer below. */
    @Test
    void packagesOfOneLayerDoNotImportEachOther() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        PACKAGES_OF_LAYER.forEach((layer, packages) -> {
            for (String own : packages) {
                String[] others = packages.stream().filter(other -> !other.equals(own)).map(other -> ROOT + "." + other + "..").toArray(String[]::new);
                noClasses().that().resideInAPackage(ROOT + "." + own + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                        .as("the " + layer + " package " + own + " imports no other " + layer + " package").check(classes);
            }
        });
    }

    @Test
    void eachPackageImportsOnlyThePackagesBelowIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy(ROOT)
                .layer("edges").definedBy(ROOT + ".api..", ROOT + ".admin..", ROOT + ".ui..", ROOT + ".health..", ROOT + ".gateway..", ROOT + ".proxy..")
                .layer("features").definedBy(ROOT + ".pact..", ROOT + ".journal..", ROOT + ".switches..", ROOT + ".http..", ROOT + ".workspace..", ROOT + ".upstream..", ROOT + ".metrics..")
                .layer("seed").definedBy(ROOT + ".seed..")
                .layer("auth").definedBy(ROOT + ".auth..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("error").definedBy(ROOT + ".error..")
                .layer("subscription").definedBy(ROOT + ".subscription..")
                .layer("store").definedBy(ROOT + ".store..")
                .layer("generated").definedBy(ROOT + ".generated..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("edges").mayOnlyBeAccessedByLayers(above("edges"))
                .whereLayer("features").mayOnlyBeAccessedByLayers(above("features"))
                .whereLayer("seed").mayOnlyBeAccessedByLayers(above("seed"))
                .whereLayer("auth").mayOnlyBeAccessedByLayers(above("auth"))
                .whereLayer("config").mayOnlyBeAccessedByLayers(above("config"))
                .whereLayer("error").mayOnlyBeAccessedByLayers(above("error"))
                .whereLayer("subscription").mayOnlyBeAccessedByLayers(above("subscription"))
                .whereLayer("store").mayOnlyBeAccessedByLayers(above("store"))
                .check(classes);
    }

    /**
     * Who is calling is worked out once, by the first step of every request: no other class asks the configured
     * tenants whose an access key is, or the workspace registry whose a prefix or a key is (the operator's
     * {@code /mock/workspaces} routes read the registry as their subject).
     */
    @Test
    void onlyTheScopeResolverAsksTheTenantsAndTheRegistryWhoIsCalling() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        noClasses().that().doNotHaveFullyQualifiedName(ScopeResolver.class.getName()).and().doNotHaveFullyQualifiedName(Tenants.class.getName())
                .and().doNotHaveFullyQualifiedName(Workspaces.class.getName())
                .should().callMethodWhere(target(owner(assignableTo(Tenants.class))).and(target(nameMatching("forAccessKey|defaultTenant|verifier|isConfigured"))))
                .orShould().callMethodWhere(target(owner(assignableTo(Workspaces.class))).and(target(nameMatching("byAccessKey|arrived"))))
                .as("only the ScopeResolver asks who is calling").check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(ScopeResolver.class.getName()).and().doNotHaveFullyQualifiedName(Workspaces.class.getName())
                .and().resideOutsideOfPackage(ROOT + ".admin..")
                .should().callMethodWhere(target(owner(assignableTo(Workspaces.class))).and(target(nameMatching("find"))))
                .as("only the ScopeResolver and the operator's routes look a workspace up").check(classes);
    }
}
