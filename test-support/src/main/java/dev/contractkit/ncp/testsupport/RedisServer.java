package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real {@code redis-server} ({@link RedisBinary}: the PATH's, or the one the build fetched from Maven
 * Central) on a free port of 127.0.0.1, started and stopped by the tests: no Docker is needed. Data goes
 * to an append-only file in a temporary folder, synced on every write, so a kill and start on the same port
 * keeps every answered write.
 */
public final class RedisServer implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException {
        RedisServer server = new RedisServer(FreePort.find(), TempFiles.folder("ncp-redis"));
        server.startAgain();
        return server;
    }

    /** Starts (again) on the same port, with the same data folder. */
    public void startAgain() throws IOException {
        process = new ProcessBuilder(RedisBinary.path().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no", "--loglevel", "warning")
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        Process started = process;
        try {
            Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .failFast("redis-server exited", () -> !started.isAlive())
                    .until(this::answers);
        } catch (RuntimeException notStarted) {
            throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")), notStarted);
        }
    }

    /** Starts again on the same port with no data at all, as a Redis without persistence (or a new pod) does. */
    public void startEmpty() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(file -> !file.getFileName().toString().equals("redis.log")).toList()) {
                if (Files.isDirectory(file)) {
                    try (var inner = Files.list(file)) {
                        for (Path nested : inner.toList()) {
                            Files.delete(nested);
                        }
                    }
                }
                Files.delete(file);
            }
        }
        startAgain();
    }

    /** Stops the server at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as on a hung host. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a paused server go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server at once and deletes its working folder (its data and log): a test leaves nothing behind. */
    @Override
    public void close() throws InterruptedException {
        kill();
        TempFiles.deleteTree(dir);
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0 && new String(reply).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }
}
