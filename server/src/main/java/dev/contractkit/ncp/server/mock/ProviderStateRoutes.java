package dev.contractkit.ncp.server.mock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.store.StoreUnavailableException;
import io.quarkus.vertx.web.Body;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Pact's provider-state change URL, for any verifier in any language ({@code providerStatesSetupUrl} of
 * pact-js, {@code --state-change-url} of {@code pact_verifier_cli}): {@code POST /mock/provider-states}
 * with {@code {"state", "params", "action"}} or {@code {"states": [...], "params", "action"}}. States are
 * set up for the first configured tenant, the one every request is made by under
 * {@code ncp.mock.contract-testing}. An unknown state is a 400 with NCP's envelope listing the known ones.
 */
public class ProviderStateRoutes {
    private static final Logger LOG = Logger.getLogger(ProviderStateRoutes.class);

    private final ProviderStates providerStates;
    private final Tenants tenants;
    private final ObjectMapper mapper;

    public ProviderStateRoutes(ProviderStates providerStates, Tenants tenants, ObjectMapper mapper) {
        this.providerStates = providerStates;
        this.tenants = tenants;
        this.mapper = mapper;
    }

    @Route(path = "/mock/provider-states", methods = HttpMethod.POST)
    void change(RoutingContext context, @Body Buffer body) {
        Map<String, Object> change;
        try {
            change = body == null || body.length() == 0 ? Map.of() : mapper.readValue(body.getBytes(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException notJson) {
            refuse(context, "The state change must be a JSON object.");
            return;
        }
        List<ProviderStates.State> states = ProviderStates.fromBody(change).stream()
                .filter(state -> state.name() != null && !state.name().isBlank() && !state.name().equals("null"))
                .toList();
        String action = String.valueOf(change.getOrDefault("action", "setup"));
        if (action.equals("teardown")) {
            providerStates.tearDown();
            answer(context, 200, "{}");
            return;
        }
        if (!action.equals("setup")) {
            refuse(context, "action must be setup or teardown, not '" + action + "'.");
            return;
        }
        // an interaction with no state: verifiers still call, and it starts from the seed like any other
        try {
            providerStates.setUp(states, tenants.defaultTenant(), false).subscribe().with(
                    done -> {
                        LOG.debugf("provider states set up: %s", states);
                        answer(context, 200, "{}");
                    },
                    failure -> fail(context, failure instanceof StoreUnavailableException ? NcpErrorCode.ENDPOINT_ERROR : NcpErrorCode.UNEXPECTED_ERROR,
                            "The provider state could not be set up: " + failure.getMessage()));
        } catch (ProviderStates.UnknownStateException unknown) {
            refuse(context, unknown.getMessage());
        }
    }

    private static void answer(RoutingContext context, int status, String json) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }

    private void refuse(RoutingContext context, String details) {
        fail(context, NcpErrorCode.BAD_REQUEST, details);
    }

    private void fail(RoutingContext context, NcpErrorCode code, String details) {
        NcpErrors.send(context.response(), code.status(), code, NcpErrors.json(mapper, code, details));
    }
}
