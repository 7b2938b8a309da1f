package dev.contractkit.ncp.contract.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's one spec file, as the build passes it in ({@code -Dncp.spec}). */
public final class SpecFile {
    public static final String PROPERTY = "ncp.spec";

    private SpecFile() {
    }

    public static Path path() {
        String configured = System.getProperty(PROPERTY);
        Path path = configured != null ? Path.of(configured) : Path.of("..", "openapi", "ncp-apigw-apikeys.yaml");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the spec file is not at " + path.toAbsolutePath());
        }
        return path;
    }

    public static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readLocation(path().toUri().toString(), null, options);
    }

    public static OpenAPI openApi() {
        SwaggerParseResult result = parse();
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("the spec does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
