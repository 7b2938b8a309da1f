package dev.contractkit.ncp.specgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build step: compares the contract with the released one, writes the report, and fails the build on
 * any change that breaks existing clients, naming each one. Run by exec-maven-plugin before any module
 * generates code from the contract.
 */
public final class SpecGate {

    private SpecGate() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Path report = Path.of(required(options, "report"));
        CompatibilityCheck.Verdict verdict = CompatibilityCheck.compare(
                releasedContract(Path.of(required(options, "released"))), Path.of(required(options, "current")), Path.of(required(options, "rules")));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, verdict.report());

        String source = "Contract compatibility check (openapi-diff) of " + verdict.current().getFileName()
                + " against the released " + verdict.released().getFileName();
        if (verdict.compatible()) {
            System.out.println("[spec-gate] " + source + ": " + (verdict.changed() ? "compatible changes only" : "no changes")
                    + ". Report: " + report);
            return;
        }
        StringBuilder message = new StringBuilder(source).append(": ").append(verdict.breaking().size())
                .append(" change(s) break existing clients:");
        verdict.breaking().forEach(line -> message.append("\n  - ").append(line));
        message.append("\nReport: ").append(report)
                .append("\nAn intended breaking change is a new contract version: see \"Changing the contract\" in the README.");
        if (Boolean.parseBoolean(options.getOrDefault("allow-breaking", "false"))) {
            System.out.println("[spec-gate] WARNING (spec.gate.allow-breaking=true) " + message);
            return;
        }
        System.out.println("[spec-gate] " + message);
        throw new IncompatibleContractException(message.toString());
    }

    /** The released contract: a file, or the one {@code .yaml} file of a folder such as {@code openapi/released/}. */
    static Path releasedContract(Path fileOrFolder) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            return fileOrFolder;
        }
        try (var files = Files.list(fileOrFolder)) {
            List<Path> contracts = files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
            if (contracts.size() != 1) {
                throw new IllegalArgumentException(fileOrFolder + " must hold exactly one released contract (<version>.yaml), not "
                        + contracts.size() + ": " + contracts);
            }
            return contracts.get(0);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    /** Fails the build; its message names every breaking change. */
    public static final class IncompatibleContractException extends RuntimeException {
        IncompatibleContractException(String message) {
            super(message, null, false, false);
        }
    }
}
