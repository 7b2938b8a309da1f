package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary folders and files a test run makes, deleted when its JVM ends, whatever the tests' outcome
 * (a test that fails keeps them for a look until then): a run leaves nothing in the temp folder.
 */
public final class TempFiles {
    private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TempFiles::deleteTree), "delete-temp-files"));
    }

    private TempFiles() {
    }

    /** A new folder in the temp folder, named from {@code prefix}. */
    public static Path folder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        MADE.add(folder);
        return folder;
    }

    /** A new file in the temp folder, named from {@code prefix} and {@code suffix}. */
    public static Path file(String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        MADE.add(file);
        return file;
    }

    /** Deletes a file, or a folder with everything in it; nothing when it is gone already. */
    public static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a file another process still writes: the temp folder's own cleaning takes it
        }
    }
}
