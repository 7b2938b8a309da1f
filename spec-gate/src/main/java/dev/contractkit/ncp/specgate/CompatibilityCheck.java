package dev.contractkit.ncp.specgate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/** Compares a contract with the released one under our rule file. Framework-free; used by the build and by tests. */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    public static Verdict compare(Path released, Path current, Path rules) {
        requireFile(released, "released contract");
        requireFile(current, "contract");
        requireFile(rules, "rule file");
        OpenApiDiffOptions options = OpenApiDiffOptions.builder().configYaml(rules.toFile()).build();
        ChangedOpenApi diff = OpenApiCompare.fromFiles(released.toFile(), current.toFile(), null, options);
        BreakingChanges.Rules switches = BreakingChanges.Rules.from(rule -> options.getConfig().getBoolean(rule, true));
        List<String> breaking = BreakingChanges.of(diff, switches);
        return new Verdict(released, current, breaking, diff.isDifferent(), markdown(diff));
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " does not exist");
        }
    }

    /** What changed between the released contract and this one, and which of those changes break clients. */
    public record Verdict(Path released, Path current, List<String> breaking, boolean changed, String openApiDiffMarkdown) {

        public boolean compatible() {
            return breaking.isEmpty();
        }

        /** The report: usable as a release's changelog. */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append("# Contract changes\n\n")
                    .append("Released contract: `").append(released.getFileName()).append("`  \n")
                    .append("Compared with: `").append(current.getFileName()).append("`\n\n");
            if (!changed) {
                return out.append("No changes.\n").toString();
            }
            out.append("## Verdict: ").append(compatible() ? "compatible" : "BREAKING").append("\n\n");
            if (!compatible()) {
                out.append("### Changes that break existing clients\n\n");
                breaking.forEach(line -> out.append("- ").append(line).append('\n'));
                out.append('\n');
            }
            out.append("### All changes (openapi-diff)\n\n").append(openApiDiffMarkdown.isBlank() ? "Only descriptions or examples changed.\n" : openApiDiffMarkdown);
            return out.toString();
        }
    }
}
