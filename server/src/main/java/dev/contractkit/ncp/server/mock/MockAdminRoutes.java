package dev.contractkit.ncp.server.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** The mock's own controls, outside {@code /api/v1} so they never look like NCP's API. */
public class MockAdminRoutes {
    private final MockState state;
    private final ObjectMapper mapper;

    public MockAdminRoutes(MockState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    /** Resets the store once: with Redis, for every replica on it. */
    @Route(path = "/mock/reset", methods = HttpMethod.POST)
    void reset(RoutingContext context) {
        state.reset().subscribe().with(
                keys -> context.response().putHeader("Content-Type", "application/json").end("{\"seededApiKeys\":" + keys + "}"),
                failure -> NcpErrors.send(context.response(), 503, NcpErrorCode.ENDPOINT_ERROR,
                        NcpErrors.json(mapper, NcpErrorCode.ENDPOINT_ERROR, "The key store is unavailable: " + failure.getMessage())));
    }
}
