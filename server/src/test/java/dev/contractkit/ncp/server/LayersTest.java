package dev.contractkit.ncp.server;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's packages import only downwards (ARCHITECTURE.md): a class that reaches up a layer fails the
 * build, naming the class, the member and the line.
 */
class LayersTest {
    private static final String ROOT = "dev.contractkit.ncp.server";

    @Test
    void eachPackageImportsOnlyThePackagesBelowIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy(ROOT)
                .layer("edges").definedBy(ROOT + ".api..", ROOT + ".mock..", ROOT + ".ui..", ROOT + ".health..")
                .layer("auth").definedBy(ROOT + ".auth..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("error").definedBy(ROOT + ".error..")
                .layer("subscription").definedBy(ROOT + ".subscription..")
                .layer("store").definedBy(ROOT + ".store..")
                .layer("generated").definedBy(ROOT + ".generated..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("edges").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("auth").mayOnlyBeAccessedByLayers("wiring", "edges")
                .whereLayer("config").mayOnlyBeAccessedByLayers("wiring", "edges", "auth")
                .whereLayer("error").mayOnlyBeAccessedByLayers("wiring", "edges", "auth", "config")
                .whereLayer("subscription").mayOnlyBeAccessedByLayers("wiring", "edges", "auth", "config", "error")
                .whereLayer("store").mayOnlyBeAccessedByLayers("wiring", "edges", "auth", "config", "error", "subscription")
                .check(classes);
    }
}
