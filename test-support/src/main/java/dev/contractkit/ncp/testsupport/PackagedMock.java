package dev.contractkit.ncp.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The packaged mock ({@code java -jar quarkus-run.jar}, as the README starts it) on a free port, ready when {@code /q/health/ready} answers 200; its output goes to a log file. It can be killed
 * (as a crash would) and started again on the same port with the same settings.
 */
public final class PackagedMock implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:\\s]+:(\\d+)");

    private final List<String> jvmArguments;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private int port;
    private Process process;

    private PackagedMock(List<String> jvmArguments, Path jar, Map<String, String> environment, Path log) {
        this.jvmArguments = jvmArguments;
        this.jar = jar;
        this.environment = environment;
        this.log = log;
    }

    /** Starts the jar with these JVM arguments ({@code -D...}) and environment, and waits until it is ready (60 s at most). */
    public static PackagedMock start(Path jar, List<String> jvmArguments, Map<String, String> environment) throws IOException {
        PackagedMock mock = new PackagedMock(List.copyOf(jvmArguments), jar, Map.copyOf(environment), TempFiles.file("ncp-mock", ".log"));
        mock.startAgain();
        return mock;
    }

    /** Starts the process (again, after {@link #kill()}) on the same port, appending to the same log, and waits until it is ready. */
    public void startAgain() throws IOException {
        List<String> command = TestJvm.command("-Dquarkus.http.port=" + port);
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toString()));
        long logBefore = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process started = builder.start();
        process = started;
        try {
            if (port == 0) {
                Awaitility.await("the mock's port in its log").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .failFast("the mock exited", () -> !started.isAlive())
                        .ignoreExceptionsInstanceOf(IOException.class)
                        .until(() -> listeningPort(logBefore) > 0);
                port = listeningPort(logBefore);
            }
            Awaitility.await("the mock on port " + port + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .failFast("the mock exited", () -> !started.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException notReady) {
            close();
            throw new IllegalStateException("the mock did not become ready: " + logText(), notReady);
        }
    }

    private int listeningPort(long from) throws IOException {
        String text = Files.readString(log);
        Matcher matcher = LISTENING.matcher(text.substring((int) Math.min(from, text.length())));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** Stops the process at once (SIGKILL), as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** What the mock printed so far, every start included. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
