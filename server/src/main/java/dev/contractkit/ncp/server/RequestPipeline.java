package dev.contractkit.ncp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.SignatureFilter;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.gateway.GatewayRoutes;
import dev.contractkit.ncp.server.metrics.MockMetrics;
import dev.contractkit.ncp.server.http.AdminAccess;
import dev.contractkit.ncp.server.http.ConnectionTimeouts;
import dev.contractkit.ncp.server.http.OriginPolicy;
import dev.contractkit.ncp.server.http.QueryStringCheck;
import dev.contractkit.ncp.server.http.RequestBodyLimit;
import dev.contractkit.ncp.server.journal.JournalCapture;
import dev.contractkit.ncp.server.proxy.ProxyRoutes;
import dev.contractkit.ncp.server.switches.MockSwitchFilter;
import dev.contractkit.ncp.server.workspace.ScopeResolver;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The order of the steps every request passes, top to bottom, and nowhere else. Each step is a class of its
 * own; this one only says when it runs.
 *
 * <ol>
 *   <li>{@link ScopeResolver}: the request's {@code RequestScope} (who is calling, the path as signed, the kind
 *       of call, contract testing), resolved once; a workspace-prefixed call is rerouted here, before any other
 *       step has run (a reroute drops the answer's headers and end handlers), so that each step runs once.</li>
 *   <li>{@link MockMetrics}: counts the call by kind, operation and status once its answer's status is known
 *       (every refusal below included).</li>
 *   <li>{@link ConnectionTimeouts}: the connection's read timeout lifted while the request is served.</li>
 *   <li>{@link OriginPolicy}: CORS, answered for every origin it trusts, refused for the others.</li>
 *   <li>The scope's own refusal, if it has one: an unknown workspace, a store outage while looking it up.</li>
 *   <li>{@link AdminAccess}: the admin token on {@code /mock/*} (reads the scope: a workspace's prefix is open).</li>
 *   <li>{@link JournalCapture}: notes the call, and records it just before its answer is written (reads the scope:
 *       whose journal, the path as signed).</li>
 *   <li>{@link RequestBodyLimit}: a declared body over 10 MB, refused unread.</li>
 *   <li>{@link QueryStringCheck}: a query string that cannot be decoded.</li>
 *   <li>Handlers, in this order: {@link ProxyRoutes} (proxy mode, {@code /api/v1/*}; reads the scope's signature
 *       check), {@link GatewayRoutes} (the scope's gateway call), the {@code /mock/*} table ({@code AdminRoutes}),
 *       the served spec, and Quarkus REST, whose resources are entered through two filters:
 *       <ol>
 *         <li>{@link SignatureFilter}: the scope's signature check, or a replayed pact, and the caller.</li>
 *         <li>{@link MockSwitchFilter}: injected latency and faults.</li>
 *       </ol>
 *       then the body readers (its limit, the journal's copy) and the resource.</li>
 *   <li>Last, a request no handler took: NCP's 404 "300".</li>
 * </ol>
 * Every refusal on the way is NCP's envelope: below Quarkus REST through {@code NcpErrors.refuse}, inside it
 * through the exception mappers.
 */
@ApplicationScoped
public class RequestPipeline {
    private static final int SCOPE = RouteFilter.DEFAULT_PRIORITY + 6000;
    private static final int METRICS = RouteFilter.DEFAULT_PRIORITY + 5500;
    private static final int TIMEOUTS = RouteFilter.DEFAULT_PRIORITY + 5000;
    private static final int ORIGIN = RouteFilter.DEFAULT_PRIORITY + 3000;
    private static final int REFUSAL = RouteFilter.DEFAULT_PRIORITY + 2000;
    private static final int ADMIN_ACCESS = RouteFilter.DEFAULT_PRIORITY + 1500;
    private static final int JOURNAL = RouteFilter.DEFAULT_PRIORITY + 1000;
    private static final int BODY_LIMIT = RouteFilter.DEFAULT_PRIORITY + 100;
    private static final int QUERY_STRING = RouteFilter.DEFAULT_PRIORITY + 90;
    /** Route orders: after every filter above, before the {@code @Route}s and Quarkus REST. */
    private static final int PROXY_ORDER = -60;
    private static final int GATEWAY_ORDER = -50;

    private final ConnectionTimeouts timeouts;
    private final OriginPolicy origins;
    private final ScopeResolver scopes;
    private final AdminAccess adminAccess;
    private final JournalCapture journal;
    private final RequestBodyLimit bodyLimit;
    private final QueryStringCheck queryStrings;
    private final ProxyRoutes proxy;
    private final GatewayRoutes gateway;
    private final SignatureFilter signatures;
    private final MockSwitchFilter switches;
    private final ObjectMapper mapper;
    private final MockMetrics metrics;

    public RequestPipeline(ConnectionTimeouts timeouts, OriginPolicy origins, ScopeResolver scopes, AdminAccess adminAccess,
            JournalCapture journal, RequestBodyLimit bodyLimit, QueryStringCheck queryStrings, ProxyRoutes proxy, GatewayRoutes gateway,
            SignatureFilter signatures, MockSwitchFilter switches, ObjectMapper mapper, MockMetrics metrics) {
        this.metrics = metrics;
        this.timeouts = timeouts;
        this.origins = origins;
        this.scopes = scopes;
        this.adminAccess = adminAccess;
        this.journal = journal;
        this.bodyLimit = bodyLimit;
        this.queryStrings = queryStrings;
        this.proxy = proxy;
        this.gateway = gateway;
        this.signatures = signatures;
        this.switches = switches;
        this.mapper = mapper;
    }

    @RouteFilter(SCOPE)
    void scope(RoutingContext context) {
        scopes.resolve(context);
    }

    @RouteFilter(METRICS)
    void metrics(RoutingContext context) {
        metrics.capture(context);
    }

    @RouteFilter(TIMEOUTS)
    void timeouts(RoutingContext context) {
        timeouts.serving(context);
    }

    @RouteFilter(ORIGIN)
    void origin(RoutingContext context) {
        origins.check(context);
    }

    @RouteFilter(REFUSAL)
    void refusal(RoutingContext context) {
        scopes.refuseIfRefused(context);
    }

    @RouteFilter(ADMIN_ACCESS)
    void adminAccess(RoutingContext context) {
        adminAccess.guard(context);
    }

    @RouteFilter(JOURNAL)
    void journal(RoutingContext context) {
        journal.capture(context);
    }

    @RouteFilter(BODY_LIMIT)
    void bodyLimit(RoutingContext context) {
        bodyLimit.refuseOversizedBodies(context);
    }

    @RouteFilter(QUERY_STRING)
    void queryString(RoutingContext context) {
        queryStrings.check(context);
    }

    void handlers(@Observes Router router, Vertx vertx) {
        if (proxy.enabled()) {
            proxy.start(vertx);
            router.route("/api/v1/*").order(PROXY_ORDER).handler(proxy::route);
        }
        gateway.start(vertx);
        router.route().order(GATEWAY_ORDER).handler(gateway::route);
        router.route().order(Integer.MAX_VALUE).handler(context -> NcpErrors.refuse(context, mapper, NcpErrorCode.NOT_FOUND,
                NcpErrors.unknownRouteDetails(context.request().method().name(), context.request().path())));
    }

    /**
     * On the event loop for every endpoint, those that run on a worker thread too ({@code nonBlocking}): a
     * non-blocking filter must come before every other, pre-matching ones included.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION, nonBlocking = true)
    Response signature(RoutingContext context) {
        return signatures.authenticate(context);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100, nonBlocking = true)
    void switches(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        switches.apply(context, request);
    }
}
