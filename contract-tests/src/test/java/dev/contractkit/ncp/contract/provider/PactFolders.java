package dev.contractkit.ncp.contract.provider;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code -Dpact.folder=DIR} is meant relative to where Maven was started, but the tests run in the
 * module's folder: resolve it once against the execution root the build passes in.
 */
public final class PactFolders implements BeforeAllCallback {
    static final String FOLDER = "pact.folder";
    static final String EXECUTION_ROOT = "pact.execution.root";

    /** Runs before Pact's template provider reads {@code pact.folder}. */
    @Override
    public void beforeAll(ExtensionContext context) {
        resolveAgainstExecutionRoot();
    }

    /** The folder of pacts to check: {@code -Dpact.folder} (resolved), else our own target/pacts. */
    public static Path folder() {
        resolveAgainstExecutionRoot();
        String folder = System.getProperty(FOLDER);
        return folder == null || folder.isBlank() ? Path.of("target/pacts") : Path.of(folder);
    }

    static void resolveAgainstExecutionRoot() {
        String folder = System.getProperty(FOLDER);
        String root = System.getProperty(EXECUTION_ROOT);
        if (folder != null && !folder.isBlank() && root != null && !Path.of(folder).isAbsolute()) {
            System.setProperty(FOLDER, Path.of(root).resolve(folder).normalize().toString());
        }
    }
}
