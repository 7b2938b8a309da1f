package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged mock ({@code java -jar quarkus-run.jar}, as the README starts it) on a free port of this
 * machine, ready when {@code /q/health/ready} answers 200; its output goes to a log file.
 */
public final class PackagedMock implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedMock(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with these JVM arguments ({@code -D...}) and environment, and waits until it is ready (60 s at most). */
    public static PackagedMock start(Path jar, List<String> jvmArguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("ncp-mock", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PackagedMock mock = new PackagedMock(builder.start(), port, log);
        mock.awaitReady();
        return mock;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the mock did not become ready: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
