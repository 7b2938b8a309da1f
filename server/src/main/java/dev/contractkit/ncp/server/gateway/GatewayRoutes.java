package dev.contractkit.ncp.server.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.GatewayAddress;
import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.config.BackendHosts;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.http.TenantPacing;
import dev.contractkit.ncp.server.journal.JournalCapture;
import dev.contractkit.ncp.server.metrics.MockMetrics;
import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The mock's gateway, at a product's invoke URL in two forms: {@code /gateway/{invokeId}/{apiName}/{stageName}/...}
 * on the mock's own host, and NCP's host form {@code {invokeId}.apigw.localhost:PORT/{apiName}/{stageName}/...}
 * (browsers and curl resolve {@code *.localhost} to the loopback address). Every method, any path below
 * the stage. {@link Gateway} decides; an admitted call goes to the stage's backend ({@link GatewayBackend})
 * or, without one, gets a JSON echo naming what admitted it.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    static final String KEY_HEADER = "x-ncp-apigw-api-key";

    private final Gateway gateway;
    private final ObjectMapper mapper;
    private final NcpMockConfig config;
    private final BackendHosts backendHosts;
    private final ProductCatalog catalog;
    private final TenantPacing pacing;
    private final MockMetrics metrics;
    private volatile Vertx vertx;
    private volatile GatewayBackend backend;

    public GatewayRoutes(Gateway gateway, ObjectMapper mapper, NcpMockConfig config, BackendHosts backendHosts,
            ProductCatalog catalog, TenantPacing pacing, MockMetrics metrics) {
        this.metrics = metrics;
        this.pacing = pacing;
        this.backendHosts = backendHosts;
        this.catalog = catalog;
        this.gateway = gateway;
        this.mapper = mapper;
        this.config = config;
    }

    /** Called once, with the router's Vert.x, before {@link #route} is installed ({@code RequestPipeline}). */
    public void start(Vertx vertx) {
        this.vertx = vertx;
        backend = new GatewayBackend(vertx, config.gatewayBackendTimeout());
    }

    /** Answers a gateway call (the scope says which: {@link RequestScope.Kind#GATEWAY}); passes on every other request. */
    public void route(RoutingContext context) {
        RequestScope scope = RequestScope.of(context);
        GatewayAddress call = scope.gatewayAddress();
        if (call == null) {
            context.next();
            return;
        }
        context.put(JournalCapture.GATEWAY_KEY_ID, "");
        // under a workspace's prefix, its keys and products alone; else the configured tenants'
        List<String> tenantIds = scope.gatewayTenantIds();
        if (context.body().available()) {
            Buffer read = context.body().buffer();
            handle(context, call, tenantIds, read == null ? Buffer.buffer() : read);
            return;
        }
        context.request().body().onSuccess(body -> handle(context, call, tenantIds, body)).onFailure(context::fail);
        context.request().resume();
    }

    void handle(RoutingContext context, GatewayAddress call, List<String> tenantIds, Buffer body) {
        JournalCapture.noteBody(context, body.getBytes());
        // a workspace's calls take its fair share of the mock: past it, they wait on a timer, or are refused
        Workspace workspace = RequestScope.of(context).prefixedWorkspace();
        long wait = workspace == null ? 0 : pacing.take(workspace.tenantId(), 1);
        if (wait == TenantPacing.REFUSE) {
            metrics.gateway(NcpErrorCode.RATE_LIMITED);
            refuse(context, NcpErrorCode.RATE_LIMITED, TenantPacing.REFUSAL);
        } else if (wait > 0) {
            vertx.setTimer(wait, id -> decide(context, call, tenantIds, body));
        } else {
            decide(context, call, tenantIds, body);
        }
    }

    private void decide(RoutingContext context, GatewayAddress call, List<String> tenantIds, Buffer body) {
        gateway.decide(tenantIds, call.invokeId(), call.apiName(), call.stageName(), context.request().getHeader(KEY_HEADER))
                .subscribe().with(decision -> answer(context, call, decision, body), failure -> NcpErrors.fail(context, mapper, failure));
    }

    private void answer(RoutingContext context, GatewayAddress call, Gateway.Decision decision, Buffer body) {
        if (decision.admission() != null && decision.admission().apiKeyId() != null) {
            context.put(JournalCapture.GATEWAY_KEY_ID, decision.admission().apiKeyId());
        }
        metrics.gateway(decision.admitted() ? null : decision.refusal());
        if (!decision.admitted()) {
            refuse(context, decision.refusal(), decision.details());
            return;
        }
        Gateway.Target target = decision.target();
        if (target.stage().endpointDomain() != null) {
            String url = target.stage().endpointDomain() + call.resourcePath();
            Workspace workspace = RequestScope.of(context).prefixedWorkspace();
            if (workspace != null && catalog.hasSeedOf(workspace.tenantId())) {
                // the backend came from the seed of a workspace made through the API, not from the operator
                backend.forwardChecked(context, url, body, backendHosts, (code, details) -> refuse(context, code, details));
            } else {
                backend.forward(context, url, body, (code, details) -> refuse(context, code, details));
            }
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("productId", target.product().productId());
        echo.put("productName", target.product().productName());
        echo.put("apiId", target.api().apiId());
        echo.put("apiName", target.api().apiName());
        echo.put("stageId", target.stage().stageId());
        echo.put("stageName", target.stage().stageName());
        echo.put("apiKeyId", decision.admission().apiKeyId());
        echo.put("keyType", decision.admission().keyUsed().toString());
        echo.put("usagePlanId", decision.admission().usagePlanId());
        echo.put("method", context.request().method().name());
        echo.put("resourcePath", call.resourcePath());
        echo.put("query", context.request().query());
        try {
            context.response().putHeader("Content-Type", "application/json").end(mapper.writeValueAsString(echo));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private void refuse(RoutingContext context, NcpErrorCode code, String details) {
        NcpErrors.refuse(context, mapper, code, details);
    }
}
