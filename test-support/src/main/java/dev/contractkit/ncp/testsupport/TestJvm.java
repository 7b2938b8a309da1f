package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a Java process a test starts (a packaged mock, the CLI). Such a process lives seconds: C1
 * alone and the serial collector cost a fraction of the CPU of C2 and the parallel collector's threads, which is
 * what a suite on 2 cores runs short of. Arguments given after these win.
 */
public final class TestJvm {
    /** The JVM options every started process gets first. */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static Path vertxCache;

    private TestJvm() {
    }

    private static synchronized Path vertxCache() {
        if (vertxCache == null) {
            try {
                vertxCache = TempFiles.folder("ncp-vertx-cache");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return vertxCache;
    }

    /** {@code java} of the running JDK, the options above, then {@code arguments}. */
    public static List<String> command(String... arguments) {
        return command(Arrays.asList(arguments));
    }

    public static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        // Vert.x makes its file cache beside the base it is given, so the base is inside a folder of this run's,
        // deleted with it when the test JVM ends: a mock a test kills
        // (SIGKILL, as a crash) cannot delete its own folder under the shared vertx-cache
        command.add("-Dvertx.cacheDirBase=" + vertxCache().resolve("vertx"));
        command.addAll(arguments);
        return command;
    }
}
