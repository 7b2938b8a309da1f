package dev.contractkit.ncp.specgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release path a spec author follows, on a copy of the repository's {@code openapi/} folder: the gate
 * as the build runs it, then {@code openapi/release.sh}, then the gate again. A compatible release bumps
 * {@code info.version} and releases; a breaking change fails the gate until it is released as a new version.
 */
class ReleaseScriptTest {
    private static final String VERSION_LINE = "  version: \"2024-05-08\"\n";

    @TempDir
    Path copy;

    private Path openapi;

    @BeforeEach
    void copyTheContractFolder() throws IOException {
        Path source = Path.of(System.getProperty("ncp.spec")).getParent();
        openapi = copy.resolve("openapi");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = openapi.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        assertThat(released()).extracting(path -> path.getFileName().toString()).containsExactly("2024-05-08.yaml");
        assertThat(spec()).contains(VERSION_LINE);
    }

    @Test
    void aReleaseWithoutAVersionBumpIsRefusedAndChangesNothing() throws Exception {
        assertThat(Files.mismatch(openapi.resolve("ncp-apigw-apikeys.yaml"), released().get(0))).as("the spec has unreleased changes").isNotEqualTo(-1L);
        Result result = release();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("bump info.version first");
        assertThat(released()).extracting(path -> path.getFileName().toString()).containsExactly("2024-05-08.yaml");
    }

    @Test
    void aCompatibleReleaseBumpsTheVersionAndBecomesTheBaseline() throws Exception {
        gate();
        bumpVersionTo("2026-12-01");

        Result result = release();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(released()).extracting(path -> path.getFileName().toString()).containsExactly("2026-12-01.yaml");
        assertThat(Files.mismatch(openapi.resolve("ncp-apigw-apikeys.yaml"), released().get(0))).isEqualTo(-1L);
        assertThat(gate().changed()).as("the released contract is the spec").isFalse();
    }

    @Test
    void aBreakingChangeFailsTheBuildUntilItIsReleasedAsANewVersion() throws Exception {
        Files.writeString(specFile(), spec().replaceFirst("      required: \\[apiKeyName\\]\n",
                "      required: [apiKeyName, apiKeyDescription]\n"));
        assertThatThrownBy(this::gate).isInstanceOf(SpecGate.IncompatibleContractException.class)
                .hasMessageContaining("apiKeyDescription: optional field became required");

        bumpVersionTo("2027-01-01");
        Result result = release();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(released()).extracting(path -> path.getFileName().toString()).containsExactly("2027-01-01.yaml");
        assertThat(gate().compatible()).isTrue();
    }

    /** The build's gate step, with the copy's files: throws when a change breaks clients. */
    private CompatibilityCheck.Verdict gate() throws IOException {
        SpecGate.main(new String[] {"--released=" + openapi.resolve("released"), "--current=" + specFile(),
            "--rules=" + openapi.resolve("compatibility-rules.yaml"), "--report=" + copy.resolve("report.md")});
        return CompatibilityCheck.compare(SpecGate.releasedContract(openapi.resolve("released")), specFile(),
                openapi.resolve("compatibility-rules.yaml"));
    }

    private void bumpVersionTo(String version) throws IOException {
        Files.writeString(specFile(), spec().replace(VERSION_LINE, "  version: \"" + version + "\"\n"));
    }

    private Result release() throws IOException, InterruptedException {
        File output = copy.resolve("release.log").toFile();
        Process process = new ProcessBuilder(List.of("bash", openapi.resolve("release.sh").toString())).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(output).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(output.toPath()));
    }

    private List<Path> released() throws IOException {
        try (Stream<Path> files = Files.list(openapi.resolve("released"))) {
            return files.sorted().toList();
        }
    }

    private Path specFile() {
        return openapi.resolve("ncp-apigw-apikeys.yaml");
    }

    private String spec() throws IOException {
        return Files.readString(specFile());
    }

    private record Result(int exitCode, String output) {
    }
}
