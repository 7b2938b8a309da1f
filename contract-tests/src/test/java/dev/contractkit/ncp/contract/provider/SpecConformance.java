package dev.contractkit.ncp.contract.provider;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contractkit.ncp.contract.spec.GatewaySpec;
import dev.contractkit.ncp.contract.spec.SpecFile;
import java.util.List;

/** Checks a real answer of the server against the spec's schema for that operation and status. */
final class SpecConformance {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createFor(SpecFile.path().toString())
            .withBasePathOverride("/api/v1")
            .build();
    private static final OpenApiInteractionValidator GATEWAY_VALIDATOR = GatewaySpec.validator();

    private SpecConformance() {
    }

    static List<String> errors(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        // a call to the gateway is checked against the gateway's spec, below its invoke id
        ValidationReport report = GatewaySpec.isGatewayPath(path)
                ? GATEWAY_VALIDATOR.validateResponse(GatewaySpec.belowInvokeId(path), Request.Method.valueOf(method), response.build())
                : VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }
}
