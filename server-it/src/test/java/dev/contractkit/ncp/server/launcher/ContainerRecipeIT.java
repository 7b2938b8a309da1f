package dev.contractkit.ncp.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/kubernetes/Dockerfile} against the build it packages (no container tooling needed): it copies
 * every part of the built application that {@code java -jar quarkus-run.jar} needs, and none of the launcher's
 * start-up caches, which are made for the JDK and the path of the machine that built them.
 */
class ContainerRecipeIT {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final String APP = "server/target/quarkus-app/";

    @Test
    void copiesTheWholeApplicationAndNoStartUpCache() throws IOException {
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(Files.readString(ROOT.resolve("deploy/kubernetes/Dockerfile")));
        List<String> sources = copy.results().map(result -> result.group(1)).toList();
        assertThat(sources).isNotEmpty().allSatisfy(source -> {
            assertThat(source).startsWith(APP);
            assertThat(ROOT.resolve(source)).exists();
        });
        Set<String> copied = sources.stream().map(source -> source.substring(APP.length()).replaceAll("/$", "")).collect(Collectors.toSet());

        Set<String> built;
        try (Stream<Path> entries = Files.list(ROOT.resolve(APP))) {
            built = entries.map(entry -> entry.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(built).as("the build made its start-up cache beside the application")
                .anySatisfy(name -> assertThat(name).matches("ncp-mock-cold-jdk\\d+\\.(aot|jsa)"));
        Set<String> application = built.stream()
                .filter(name -> !name.endsWith(".aot") && !name.endsWith(".jsa") && !name.endsWith(".training") && !name.endsWith(".log") && !name.endsWith(".part"))
                .filter(name -> !name.equals("quarkus-app-dependencies.txt"))
                .collect(Collectors.toSet());
        assertThat(copied).isEqualTo(application);
    }
}
