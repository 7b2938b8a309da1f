package dev.contractkit.ncp.contract.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway's contract, {@code openapi/ncp-apigw-gateway.yaml}, beside the management spec. Its paths start
 * below the invoke id ({@code /{apiName}/{stageName}/{resourcePath}}), so a call to the mock's
 * {@code /gateway/{invokeId}/...} is checked with that prefix taken off.
 */
public final class GatewaySpec {
    /** The provider name of gateway pacts; pacts of any other provider are checked against the management spec. */
    public static final String PROVIDER = "ncp-apigw-gateway";

    private GatewaySpec() {
    }

    public static Path path() {
        Path path = SpecFile.path().resolveSibling("ncp-apigw-gateway.yaml");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the gateway spec is not at " + path.toAbsolutePath());
        }
        return path;
    }

    /** A validator of gateway calls, given paths below the invoke id. */
    public static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createFor(path().toString()).withBasePathOverride("/").build();
    }

    /** Whether a path is a call to the mock's gateway, {@code /gateway/{invokeId}/...}. */
    public static boolean isGatewayPath(String path) {
        return path.startsWith("/gateway/");
    }

    /** {@code /gateway/{invokeId}/api/stage/rest} to {@code /api/stage/rest}; other paths unchanged. */
    public static String belowInvokeId(String path) {
        if (!isGatewayPath(path)) {
            return path;
        }
        int slash = path.indexOf('/', "/gateway/".length());
        return slash < 0 ? "/" : path.substring(slash);
    }
}
