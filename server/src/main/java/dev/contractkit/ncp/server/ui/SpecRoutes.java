package dev.contractkit.ncp.server.ui;

import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /q/openapi} (YAML, or JSON with {@code ?format=json} or {@code Accept: application/json}),
 * {@code /q/openapi.yaml} and {@code /q/openapi.json}: the spec file from the build, read on the first request.
 * Swagger UI loads it from {@code /q/openapi}.
 */
public class SpecRoutes {
    static final String RESOURCE = "/META-INF/ncp-openapi/ncp-apigw-apikeys.yaml";
    private volatile SpecDocument document;

    @Route(path = "/q/openapi", methods = HttpMethod.GET)
    void negotiated(RoutingContext context) {
        String format = context.request().getParam("format");
        String accept = context.request().getHeader("Accept");
        boolean json = format != null ? format.equalsIgnoreCase("json")
                : accept != null && accept.contains("application/json") && !accept.contains("yaml");
        send(context, json);
    }

    @Route(path = "/q/openapi.json", methods = HttpMethod.GET)
    void json(RoutingContext context) {
        send(context, true);
    }

    @Route(regex = "/q/openapi\\.ya?ml", methods = HttpMethod.GET)
    void yaml(RoutingContext context) {
        send(context, false);
    }

    private void send(RoutingContext context, boolean json) {
        SpecDocument spec = document();
        context.response()
                .putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .end(json ? spec.json() : spec.yaml());
    }

    private SpecDocument document() {
        SpecDocument spec = document;
        if (spec == null) {
            try (InputStream in = SpecRoutes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the build did not package the spec at " + RESOURCE);
                }
                spec = SpecDocument.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = spec;
        }
        return spec;
    }
}
