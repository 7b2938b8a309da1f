package dev.contractkit.ncp.server.upstream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a forwarded call and the upstream's answer against the spec the mock is built from (Atlassian's
 * validator, as the contract tests use it): the request's path, query, headers and body; the answer's status,
 * headers and body, where a field the spec does not define is a finding.
 */
public final class SpecCheck {
    static final String SPEC = "/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml";

    /** One rule broken: which operation, on which side, the validator's rule key, its message, and where in the body. */
    public record Finding(String operation, String side, String rule, String message, String pointer) {
    }

    private final OpenApiInteractionValidator validator;

    public SpecCheck() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec()).withBasePathOverride("/api/v1").build();
    }

    private static String spec() {
        try (InputStream in = SpecCheck.class.getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package the spec at " + SPEC);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> check(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.query() != null && !exchange.query().isEmpty()) {
            for (String pair : exchange.query().split("&")) {
                int equals = pair.indexOf('=');
                request.withQueryParam(decode(equals < 0 ? pair : pair.substring(0, equals)), decode(equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        ValidationReport report = validator.validate(request.build(), response.build());
        List<Finding> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            var context = message.getContext();
            String operation = context.flatMap(ValidationReport.MessageContext::getApiOperation).map(SpecCheck::name)
                    .orElse(exchange.method().toUpperCase(Locale.ROOT) + " " + exchange.path());
            String side = message.getKey().startsWith("validation.request") ? "request" : "response";
            String pointer = context.flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
            findings.add(new Finding(operation, side, message.getKey(), message.getMessage().replace('\n', ' '), pointer));
        }
        return findings;
    }

    private static String name(ApiOperation operation) {
        String id = operation.getOperation().getOperationId();
        String route = operation.getMethod() + " /api/v1" + operation.getApiPath().original();
        return id == null ? route : id + " (" + route + ")";
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
