package dev.contractkit.ncp.contract.docs;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code bash} and {@code js} block of README.md and docs/*.md, run against a packaged mock on a free
 * port ({@code localhost:8080} in a block becomes that port), from the repository root, in a shell with
 * {@code set -euo pipefail}, after a reset of the mock: a renamed property, route, flag or field fails the
 * build instead of the reader. {@code ./mvnw} lines are left out (the build running this test made what they
 * make); a block marked {@code <!-- doc-test: skip: reason -->} on the line before it is not run.
 */
class DocCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    private static final String SKIP = "<!-- doc-test: skip:";
    private static PackagedMock mock;
    private static Path work;

    /** One runnable block: where it is, its language, its text, and why it is skipped (or null). */
    record Block(Path file, int line, String language, String text, String skipped) {
        String name() {
            return ROOT.relativize(file) + ":" + line + " (" + language + ")";
        }
    }

    @BeforeAll
    static void startTheMock() throws Exception {
        work = TempFiles.folder("ncp-doc-test");
        mock = PackagedMock.start(ROOT.resolve("server/target/quarkus-app/quarkus-run.jar"), List.of(), Map.of());
    }

    @AfterAll
    static void stopTheMock() {
        if (mock != null) {
            mock.close();
        }
    }

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i = i + 1; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String language = open.group(1);
            if (language.equals("bash") || language.equals("js")) {
                String before = start > 0 ? lines.get(start - 1).trim() : "";
                blocks.add(new Block(file, start + 1, language, text.toString(), before.startsWith(SKIP) ? before : null));
            }
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : documents()) {
            for (Block block : blocks(document)) {
                if (block.skipped() == null) {
                    tests.add(DynamicTest.dynamicTest(block.name(), () -> run(block)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everySkippedBlockSaysWhyAndMostBlocksRun() throws IOException {
        int run = 0;
        int skipped = 0;
        for (Path document : documents()) {
            for (Block block : blocks(document)) {
                if (block.skipped() == null) {
                    run++;
                } else {
                    skipped++;
                    assertThat(block.skipped()).as("the reason of %s", block.name()).matches("<!-- doc-test: skip: .{10,} -->");
                }
            }
        }
        assertThat(run).as("blocks run").isGreaterThan(skipped);
    }

    private static void run(Block block) throws Exception {
        HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.url() + "/mock/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(200);
        String port = Integer.toString(URI.create(mock.url()).getPort());
        String text = block.text().replace("localhost:8080", "localhost:" + port);
        List<String> command;
        if (block.language().equals("js")) {
            Path script = Files.createTempFile(work, "block", ".mjs");
            Files.writeString(script, text);
            command = List.of("node", script.toString());
        } else {
            StringBuilder shell = new StringBuilder("set -euo pipefail\n");
            text.lines().filter(line -> !line.trim().startsWith("./mvnw ")).forEach(line -> shell.append(line).append('\n'));
            Path script = Files.createTempFile(work, "block", ".sh");
            Files.writeString(script, shell.toString());
            command = List.of("bash", script.toString());
        }
        ChildProcess.Result result = ChildProcess.run(ROOT, Map.of(), Duration.ofMinutes(3), command);
        assertThat(result.exitCode()).as("%s exited %d:%n%s%n--- its output:%n%s", block.name(), result.exitCode(), text, result.output())
                .isZero();
    }
}
