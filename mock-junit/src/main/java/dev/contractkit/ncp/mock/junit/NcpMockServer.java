package dev.contractkit.ncp.mock.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock ({@code ncp-apigw-mock}, carried inside this artifact) running in a child JVM on 127.0.0.1, on a port
 * the operating system chose when it bound it, with an admin token drawn for it: what {@link NcpMockTest} and
 * the Quarkus Dev Service start. The child ends with {@link #close()}, and when this JVM ends (Ctrl-C included);
 * should this JVM be killed outright, the child notices its parent is gone and ends too.
 */
public final class NcpMockServer implements AutoCloseable {
    /** How long a start may take before it is given up, with the child's last lines of output in the failure. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String RUNNER = "ncp-apigw-mock.jar";
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");
    private static final int KEPT_LINES = 60;

    private final Process process;
    private final URI url;
    private final String adminToken;
    private final Duration startTime;
    private final Thread stopOnExit;
    /** The class archive the child writes as it ends (JDK 17 and 18), put in place once it is whole. */
    private final Path archiveBeingWritten;
    private final Path archive;

    private NcpMockServer(Process process, URI url, String adminToken, Duration startTime, Path archiveBeingWritten, Path archive) {
        this.archiveBeingWritten = archiveBeingWritten;
        this.archive = archive;
        this.process = process;
        this.url = url;
        this.adminToken = adminToken;
        this.startTime = startTime;
        this.stopOnExit = new Thread(this::stop, "ncp-mock-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the mock and waits until it answers.
     *
     * @param settings more of the mock's settings ({@code ncp.mock.*}, {@code quarkus.*}), passed as {@code -D}
     */
    public static NcpMockServer start(Map<String, String> settings) {
        return start(settings, Map.of());
    }

    /**
     * Starts the mock and waits until it answers.
     *
     * @param settings    more of the mock's settings, passed as {@code -D}
     * @param environment variables for the child alone, for what must not show on a command line (a secret:
     *                    {@code NCP_MOCK_CREDENTIALS})
     */
    public static NcpMockServer start(Map<String, String> settings, Map<String, String> environment) {
        try {
            return launch(settings, environment);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the NCP mock", e);
        }
    }

    private static NcpMockServer launch(Map<String, String> settings, Map<String, String> environment) throws IOException {
        long started = System.nanoTime();
        String adminToken = HexFormat.of().formatHex(randomBytes());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short-lived mock: the quick compiler alone, and the small serial collector
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k"));
        Path runner = runnerJar();
        // the classes the mock loads, kept in an archive after its first run, so later starts read them at once
        Path archive = cacheFolder().resolve(runner.getFileName() + "-" + Files.size(runner) + "-java" + Runtime.version() + ".jsa");
        Path archiveBeingWritten = null;
        if (Runtime.version().feature() >= 19) {
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        } else if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            archiveBeingWritten = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            command.add("-XX:ArchiveClassesAtExit=" + archiveBeingWritten);
        }
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-Dncp.mock.parent-pid=" + ProcessHandle.current().pid()));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", runner.toString()));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // secrets through the environment, which other users of the machine cannot read, never the command line
            builder.environment().put("NCP_MOCK_ADMIN_TOKEN", adminToken);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the NCP mock: " + String.join(" ", command), e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(process.getInputStream(), lastLines, listening), "ncp-mock-output");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> listening.completeExceptionally(new IllegalStateException("the NCP mock ended with status "
                + process.exitValue() + " before it listened")));
        try {
            URI url = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new NcpMockServer(process, url, adminToken, Duration.ofNanos(System.nanoTime() - started), archiveBeingWritten, archive);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the NCP mock started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String output;
            synchronized (lastLines) {
                output = String.join(System.lineSeparator(), lastLines);
            }
            throw new IllegalStateException("the NCP mock did not start within " + START_TIMEOUT.toSeconds() + " s ("
                    + (e instanceof ExecutionException ? e.getCause().getMessage() : "no answer") + "); its last lines:"
                    + System.lineSeparator() + output, e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Follows the child's output: its URL once it listens; its last lines for a failure message. */
    private static void read(InputStream output, Deque<String> lastLines, CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException ended) {
            // the child is gone: onExit reports it
        }
    }

    /**
     * The runnable jar: a file as it is when this artifact is a folder (its own build), else copied once out of
     * this jar into the temporary folder, named by the entry's CRC and size, so every test run of one version
     * shares one copy.
     */
    static Path runnerJar() {
        URL resource = NcpMockServer.class.getResource(RUNNER);
        if (resource == null) {
            throw new IllegalStateException(RUNNER + " is missing beside " + NcpMockServer.class.getName() + ": this artifact was built without it");
        }
        try {
            if (resource.getProtocol().equals("file")) {
                return Path.of(resource.toURI());
            }
            URLConnection connection = resource.openConnection();
            connection.setUseCaches(false);
            String name = "ncp-apigw-mock-" + RUNNER.hashCode();
            if (connection instanceof JarURLConnection jar) {
                name = "ncp-apigw-mock-" + Long.toHexString(jar.getJarEntry().getCrc()) + "-" + jar.getJarEntry().getSize();
            }
            Path folder = cacheFolder();
            Path target = folder.resolve(name + ".jar");
            if (Files.exists(target)) {
                return target;
            }
            Path partial = Files.createTempFile(folder, name, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // another JVM may have copied it meanwhile: the same bytes, so either copy serves
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + RUNNER, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the unpacked jar and the class archives are kept, shared by the test runs of this user. */
    private static Path cacheFolder() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "ncp-apigw-mock-" + System.getProperty("user.name", "user"));
        Files.createDirectories(folder);
        return folder;
    }

    /** The mock's root URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** The admin token every {@code /mock/*} route of this mock needs. */
    public String adminToken() {
        return adminToken;
    }

    /** From the launch to the mock's first line saying it listens. */
    public Duration startTime() {
        return startTime;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (archiveBeingWritten != null && Files.exists(archiveBeingWritten)) {
            try {
                if (process.exitValue() == 0 || process.exitValue() == 143) {
                    Files.move(archiveBeingWritten, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(archiveBeingWritten);
                }
            } catch (IOException | IllegalThreadStateException notKept) {
                // the next start runs without an archive, and writes one
            }
        }
    }
}
