package dev.contractkit.ncp.server.mock;

import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** The mock's own controls, outside {@code /api/v1} so they never look like NCP's API. */
public class MockAdminRoutes {
    private final MockState state;

    public MockAdminRoutes(MockState state) {
        this.state = state;
    }

    @Route(path = "/mock/reset", methods = HttpMethod.POST)
    void reset(RoutingContext context) {
        int keys = state.reset();
        context.response().putHeader("Content-Type", "application/json").end("{\"seededApiKeys\":" + keys + "}");
    }
}
