package dev.contractkit.ncp.server.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.auth.SwaggerUiSigning;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.journal.RequestJournal;
import dev.contractkit.ncp.server.pact.ProviderStates;
import dev.contractkit.ncp.server.seed.SeedData;
import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.upstream.DriftLog;
import dev.contractkit.ncp.server.workspace.Workspaces;
import io.quarkus.vertx.web.Body;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.quarkus.vertx.web.Route;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Every {@code /mock/*} route of the mock, outside {@code /api/v1} so that none looks like NCP's API, with
 * one error path ({@link #fail}): a refused request is NCP's 400 "100", a store outage 503 "500", anything
 * else a bug, answered 500 "900" and logged.
 * <ul>
 *   <li>{@code POST /mock/reset}: the store back to the seed (with Redis, for every replica);</li>
 *   <li>{@code GET /mock/requests[?method=&path=&status=]}, {@code DELETE /mock/requests}: the request journal;</li>
 *   <li>{@code POST /mock/provider-states}: Pact's state-change URL, for any verifier in any language ({@code {"state",
 *       "params", "action"}} or {@code {"states": [...], "params", "action"}}), for the first configured tenant;</li>
 *   <li>{@code GET /mock/swagger-ui/signing}: the credentials the mock's own Swagger UI signs with;</li>
 *   <li>{@code POST /mock/workspaces}, {@code GET} and {@code DELETE /mock/workspaces/{id}}: workspaces;</li>
 *   <li>{@code GET} and {@code DELETE /mock/drift}: in proxy mode, where the upstream departs from the spec;</li>
 *   <li>{@code /mock/console} and the routes below it: the web console ({@link ConsoleRoutes}).</li>
 * </ul>
 * Under a workspace's prefix ({@code /workspaces/{id}/mock/reset}, {@code .../requests},
 * {@code .../provider-states}) the same routes act on that workspace alone; without one, on the configured
 * tenants alone.
 */
public class AdminRoutes {
    private static final Logger LOG = Logger.getLogger(AdminRoutes.class);

    private final SeedData seed;
    private final RequestJournal journal;
    private final ProviderStates providerStates;
    private final SwaggerUiSigning swaggerUiSigning;
    private final ObjectMapper mapper;
    private final Workspaces workspaces;
    private final DriftLog drift;
    private final String publicUrl;

    public AdminRoutes(SeedData seed, RequestJournal journal, ProviderStates providerStates, SwaggerUiSigning swaggerUiSigning,
            ObjectMapper mapper, Workspaces workspaces, DriftLog drift, NcpMockConfig config) {
        this.publicUrl = config.publicUrl().map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).orElse(null);
        this.drift = drift;
        this.workspaces = workspaces;
        this.seed = seed;
        this.journal = journal;
        this.providerStates = providerStates;
        this.swaggerUiSigning = swaggerUiSigning;
        this.mapper = mapper;
    }

    @Route(path = "/mock/reset", methods = HttpMethod.POST)
    void reset(RoutingContext context) {
        Workspace workspace = RequestScope.of(context).prefixedWorkspace();
        answer(context, (workspace != null ? workspaces.reset(workspace) : seed.reset()).map(keys -> "{\"seededApiKeys\":" + keys + "}"));
    }

    @Route(path = "/mock/requests", methods = HttpMethod.GET)
    void requests(RoutingContext context) {
        String method = context.request().getParam("method");
        String path = context.request().getParam("path");
        String status = context.request().getParam("status");
        String workspaceId = workspaceIdOf(context);
        Predicate<RequestJournal.Entry> filter = entry -> (method == null || entry.method().equalsIgnoreCase(method))
                && (path == null || entry.path().startsWith(path))
                && (status == null || Integer.toString(entry.status()).equals(status));
        answer(context, journal.entries(workspaceId, filter).map(entries -> json(Map.of("requests", entries))));
    }

    @Route(path = "/mock/requests", methods = HttpMethod.DELETE)
    void clearRequests(RoutingContext context) {
        String workspaceId = workspaceIdOf(context);
        journal.clear(workspaceId).subscribe().with(done -> context.response().setStatusCode(204).end(), failure -> fail(context, failure));
    }

    @Route(path = "/mock/provider-states", methods = HttpMethod.POST)
    void providerStates(RoutingContext context, @Body Buffer body) {
        Map<String, Object> change;
        try {
            change = body == null || body.length() == 0 ? Map.of() : mapper.readValue(body.getBytes(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException notJson) {
            fail(context, new NcpException(NcpErrorCode.BAD_REQUEST, "The state change must be a JSON object."));
            return;
        }
        List<ProviderStates.State> states = ProviderStates.fromBody(change).stream()
                .filter(state -> state.name() != null && !state.name().isBlank() && !state.name().equals("null"))
                .toList();
        String action = String.valueOf(change.getOrDefault("action", "setup"));
        RequestScope scope = RequestScope.of(context);
        Workspace workspace = scope.prefixedWorkspace();
        Tenant tenant = scope.tenant();
        if (action.equals("teardown")) {
            providerStates.tearDown(tenant);
            answer(context, Uni.createFrom().item("{}"));
        } else if (!action.equals("setup")) {
            fail(context, new NcpException(NcpErrorCode.BAD_REQUEST, "action must be setup or teardown, not '" + action + "'."));
        } else {
            // an interaction with no state: verifiers still call, and it starts from the seed like any other
            answer(context, Uni.createFrom().deferred(() -> workspace == null ? providerStates.setUp(states, tenant, false)
                            : providerStates.setUp(states, tenant, false, () -> workspaces.reset(workspace).replaceWithVoid()))
                    .invoke(() -> LOG.debugf("provider states set up: %s", states))
                    .map(done -> "{}"));
        }
    }

    /**
     * Reading, checking and seeding a workspace grow with its seed, so they run on a worker thread, never on
     * the event loop other tenants' calls share; a body larger than a seed may be is refused unread.
     */
    @Route(path = "/mock/workspaces", methods = HttpMethod.POST)
    void createWorkspace(RoutingContext context, @Body Buffer body) {
        if (body != null && body.length() > workspaces.maxRequestBytes()) {
            fail(context, new NcpException(NcpErrorCode.REQUEST_ENTITY_TOO_LARGE, "The workspace request is larger than " + workspaces.maxRequestBytes()
                    + " bytes: a seed may be at most ncp.mock.workspace-seed-bytes."));
            return;
        }
        answer(context, 201, Uni.createFrom().deferred(() -> {
            Workspaces.Request request;
            try {
                request = WorkspaceBodies.request(mapper, body);
            } catch (IllegalArgumentException wrong) {
                return Uni.createFrom().failure(new NcpException(NcpErrorCode.BAD_REQUEST, wrong.getMessage()));
            }
            return workspaces.create(request);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(workspace -> json(WorkspaceBodies.answer(workspace, baseUrl(context, workspace), true))));
    }

    /** {@code GET /mock/workspaces}: every live workspace for an operator, never a secret. */
    @Route(path = "/mock/workspaces", methods = HttpMethod.GET)
    void listWorkspaces(RoutingContext context) {
        answer(context, workspaces.list().map(all -> json(Map.of("workspaces", all.stream()
                .map(summary -> WorkspaceBodies.summary(summary.workspace(), summary.keyCount(), baseUrl(context, summary.workspace()))).toList(),
                "total", all.size()))));
    }

    /** {@code DELETE /mock/workspaces?idleFor=PT1H}: every workspace unused that long, gone with its data. */
    @Route(path = "/mock/workspaces", methods = HttpMethod.DELETE)
    void purgeWorkspaces(RoutingContext context) {
        String idleFor = context.request().getParam("idleFor");
        Duration idle;
        try {
            idle = Duration.parse(idleFor == null ? "" : idleFor);
        } catch (java.time.format.DateTimeParseException wrong) {
            fail(context, new NcpException(NcpErrorCode.BAD_REQUEST, "idleFor must be an ISO-8601 duration such as PT1H or P1D, not '" + idleFor + "'."));
            return;
        }
        if (idle.isNegative()) {
            fail(context, new NcpException(NcpErrorCode.BAD_REQUEST, "idleFor must not be negative."));
            return;
        }
        answer(context, workspaces.purgeIdle(idle).invoke(gone -> gone.forEach(workspace -> providerStates.forget(workspace.tenantId())))
                .map(gone -> json(Map.of("deletedWorkspaces", gone.stream().map(Workspace::workspaceId).toList(), "total", gone.size()))));
    }

    @Route(path = "/mock/workspaces/:id", methods = HttpMethod.GET)
    void getWorkspace(RoutingContext context) {
        String id = context.pathParam("id");
        // the secret was given once, to whoever made the workspace; never again
        answer(context, 200, workspaces.find(id).map(found -> json(WorkspaceBodies.answer(found.orElseThrow(() -> noWorkspace(id)),
                baseUrl(context, found.get()), false))));
    }

    @Route(path = "/mock/workspaces/:id", methods = HttpMethod.DELETE)
    void deleteWorkspace(RoutingContext context) {
        String id = context.pathParam("id");
        workspaces.delete(id).subscribe().with(gone -> {
            if (gone.isEmpty()) {
                fail(context, noWorkspace(id));
                return;
            }
            providerStates.forget(gone.get().tenantId());
            context.response().setStatusCode(204).end();
        }, failure -> fail(context, failure));
    }

    private static NcpException noWorkspace(String id) {
        return new NcpException(NcpErrorCode.NOT_FOUND, "Workspace '" + id + "' was not found: it was never made, was deleted, or expired.");
    }

    /**
     * Where the workspace's prefix is: under {@code ncp.mock.public-url}, else at the address this connection
     * reached the mock on (never the client's {@code Host} header, which could point a verifier elsewhere).
     */
    private String baseUrl(RoutingContext context, Workspace workspace) {
        String root = publicUrl != null ? publicUrl : context.request().scheme() + "://" + hostAndPort(context.request().localAddress());
        return root + "/workspaces/" + workspace.workspaceId();
    }

    private static String hostAndPort(SocketAddress local) {
        String host = local.hostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + local.port();
    }

    private static String workspaceIdOf(RoutingContext context) {
        Workspace workspace = RequestScope.of(context).prefixedWorkspace();
        return workspace == null ? null : workspace.workspaceId();
    }

    @Route(path = "/mock/drift", methods = HttpMethod.GET)
    void drift(RoutingContext context) {
        answer(context, Uni.createFrom().item(() -> json(drift.report())));
    }

    @Route(path = "/mock/drift", methods = HttpMethod.DELETE)
    void clearDrift(RoutingContext context) {
        drift.clear();
        context.response().setStatusCode(204).end();
    }

    @Route(path = "/mock/swagger-ui/signing", methods = HttpMethod.GET)
    void swaggerUiSigning(RoutingContext context) {
        context.response().putHeader("Cache-Control", "no-store");
        answer(context, Uni.createFrom().item(swaggerUiSigning.answer()));
    }

    /** 200 with the JSON the step yields, or the one error path. */
    private void answer(RoutingContext context, Uni<String> step) {
        answer(context, 200, step);
    }

    private void answer(RoutingContext context, int status, Uni<String> step) {
        step.subscribe().with(
                json -> context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json),
                failure -> fail(context, failure));
    }

    /** The one error path, as everywhere: a refused request, an unknown workspace, the workspace limit, a store outage, or a bug. */
    private void fail(RoutingContext context, Throwable failure) {
        NcpErrors.fail(context, mapper, failure);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
