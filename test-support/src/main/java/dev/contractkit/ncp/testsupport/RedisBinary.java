package dev.contractkit.ncp.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code redis-server} the tests run: {@code $REDIS_SERVER} if set, else one on the {@code PATH} (any
 * prefix: Debian, Homebrew, a build of your own), else the one Maven Central's
 * {@code com.github.codemonstur:embedded-redis} jar carries for this machine (6.2, Linux and macOS, x86-64
 * and arm64), copied out once to the temporary folder. So a machine with a JDK needs no system package.
 */
public final class RedisBinary {
    private static final String BUNDLED_VERSION = "6.2.6-v5";
    private static volatile Path found;

    private RedisBinary() {
    }

    public static Path path() {
        Path binary = found;
        if (binary == null) {
            synchronized (RedisBinary.class) {
                if (found == null) {
                    found = locate();
                }
                binary = found;
            }
        }
        return binary;
    }

    private static Path locate() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("REDIS_SERVER=" + configured + " is not an executable file");
            }
            return path;
        }
        return onPath().orElseGet(RedisBinary::bundled);
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Optional.of(Path.of(dir, "redis-server"));
            }
        }
        return Optional.empty();
    }

    private static Path bundled() {
        String name = bundledName();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "ncp-test-support", name);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("embedded-redis carries no " + name + ": set REDIS_SERVER or put redis-server on the PATH");
            }
            Files.createDirectories(target.getParent());
            // copied beside its final name, then moved: two test JVMs at once never run a half-written file
            Path partial = Files.createTempFile(target.getParent(), name, ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + partial + " executable");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy out " + name, e);
        }
    }

    private static String bundledName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.contains("linux") && x64) {
            return "redis-server-" + BUNDLED_VERSION + "-linux-amd64";
        }
        if (os.contains("linux") && arm) {
            return "redis-server-6.2.7-linux-arm64";
        }
        if (os.contains("mac") && (x64 || arm)) {
            return "redis-server-" + BUNDLED_VERSION + "-darwin-" + (arm ? "arm64" : "amd64");
        }
        throw new IllegalStateException("no bundled redis-server for " + os + "/" + arch + ": set REDIS_SERVER or put redis-server on the PATH");
    }
}
