package dev.contractkit.ncp.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program a test runs to its end (npm, a shell script): no stdin, its output collected in a file and then
 * printed through this JVM's own stdout (a child writing to it directly would corrupt the test runner's
 * channel to Maven).
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** Runs {@code command} in {@code dir} with these extra environment variables; its exit code, or an exception after {@code timeout}. */
    public static Result run(Path dir, Map<String, String> environment, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        File output = File.createTempFile("ncp-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(output);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String text = Files.readString(output.toPath());
        Files.deleteIfExists(output.toPath());
        System.out.println(text);
        if (!finished) {
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
        }
        return new Result(process.exitValue(), text);
    }

    /** What the program printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }
}
