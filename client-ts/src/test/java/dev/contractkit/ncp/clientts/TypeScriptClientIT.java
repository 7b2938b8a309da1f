package dev.contractkit.ncp.clientts;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The TypeScript client as its users meet it, against the packaged mock (one for the class, signatures on):
 * the packed tarball installed in a new npm project outside the repository, compiled there under tsc --strict with
 * noUncheckedIndexedAccess and run, with its Node tests; the built ES module in headless Chromium; and a change of
 * the contract that the frontend example reads turned into a compile error.
 */
class TypeScriptClientIT {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path MODULE = ROOT.resolve("client-ts");
    private static final Path PACKAGE = MODULE.resolve("target/package");
    private static final Path TARBALL = Path.of(System.getProperty("ncp.client.tarball", "target/contractkit-ncp-apigw-client-1.0.0-SNAPSHOT.tgz"))
            .toAbsolutePath();
    private static PackagedMock mock;

    @BeforeAll
    static void startTheMock() throws Exception {
        mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "../server/target/quarkus-app/quarkus-run.jar")), List.of(), Map.of());
    }

    @AfterAll
    static void stopTheMock() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void aNewProjectOutsideTheRepositoryInstallsTheTarballCompilesStrictAndRotatesAKey() throws Exception {
        Path project = TempFiles.folder("ncp-ts-outside");
        try {
            copyTree(MODULE.resolve("src/test/outside"), project);
            Files.writeString(project.resolve("package.json"), """
                    {"name": "a-frontend", "version": "1.0.0", "private": true, "type": "module"}
                    """);
            assertThat(run(project, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", TARBALL.toString(), "typescript@5.9.3"))
                    .as("npm install of the tarball").isZero();
            assertThat(run(project, Map.of(), "node", "node_modules/typescript/bin/tsc", "-p", ".")).as("tsc --strict, noUncheckedIndexedAccess").isZero();

            ChildProcess.Result rotation = ChildProcess.run(project, Map.of("MOCK_URL", mock.url()), Duration.ofMinutes(2),
                    List.of("node", "dist/rotate.js"));
            assertThat(rotation.exitCode()).as(rotation.output()).isZero();
            assertThat(rotation.output()).containsPattern("rotated \\w+: primary new, secondary kept")
                    .contains("unknown key: 404 300", "gateway: 401 200");

            assertThat(run(project, Map.of("MOCK_URL", mock.url()), "node", "--test", "client.test.mjs")).as("the Node tests, output above").isZero();
        } finally {
            TempFiles.deleteTree(project);
        }
    }

    @Test
    void theBuiltEsModuleRotatesAKeyInARealBrowser() throws Exception {
        assertThat(run(MODULE, Map.of("MOCK_URL", mock.url(), "DIST", PACKAGE.resolve("dist").toString()),
                "node", "--test", "src/test/browser/rotate-in-browser.test.mjs")).as("the browser test, output above").isZero();
    }

    /**
     * The contract drops {@code primaryKey} from {@code ApiKey}: the client generated from that copy, with the
     * example's code checked against it, fails to compile, naming the field the example reads.
     */
    @Test
    void aFieldTheExampleReadsGoneFromTheContractIsACompileError() throws Exception {
        Path work = TempFiles.folder("ncp-ts-drift");
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode spec = (ObjectNode) yaml.readTree(ROOT.resolve("openapi/ncp-apigw-apikeys.yaml").toFile());
            ObjectNode apiKey = (ObjectNode) spec.path("components").path("schemas").path("ApiKey");
            assertThat(apiKey.path("properties").has("primaryKey")).isTrue();
            ((ObjectNode) apiKey.path("properties")).remove("primaryKey");
            if (apiKey.path("required") instanceof ArrayNode required) {
                required.removeIf(field -> field.asText().equals("primaryKey"));
            }
            Path mutated = work.resolve("spec.yaml");
            yaml.writeValue(mutated.toFile(), spec);

            Path client = work.resolve("client");
            copyTree(PACKAGE.resolve("src"), client.resolve("src"));
            TempFiles.deleteTree(client.resolve("src/generated"));
            generate(mutated, client.resolve("src/generated"));

            Path example = ROOT.resolve("examples/frontend-pact-js");
            Files.writeString(work.resolve("tsconfig.json"), """
                    {"extends": "%s",
                     "compilerOptions": {"baseUrl": ".", "paths": {"@contractkit/ncp-apigw-client": ["./client/src/index.ts"]}},
                     "include": ["%s"]}
                    """.formatted(example.resolve("tsconfig.json"), example.resolve("src")));
            ChildProcess.Result compiled = ChildProcess.run(work, Map.of(), Duration.ofMinutes(2),
                    List.of("node", MODULE.resolve("node_modules/typescript/bin/tsc").toString(), "-p", "."));
            assertThat(compiled.exitCode()).as(compiled.output()).isNotZero();
            assertThat(compiled.output()).contains("keyRotation.js").contains("Property 'primaryKey' does not exist");
        } finally {
            TempFiles.deleteTree(work);
        }
    }

    /** What the build's openapi-generator-maven-plugin does, with its options. */
    private static void generate(Path spec, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("typescript-fetch").setInputSpec(spec.toString())
                .setOutputDir(output.toString())
                .addAdditionalProperty("supportsES6", true).addAdditionalProperty("importFileExtension", ".js")
                .addAdditionalProperty("modelPropertyNaming", "original").addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    }

    private static int run(Path dir, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        return ChildProcess.run(dir, environment, Duration.ofMinutes(10), List.of(command)).exitCode();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
