package dev.contractkit.ncp.server.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.GatewayAddress;
import dev.contractkit.ncp.server.auth.RequestScope.Kind;
import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.Failures;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.signature.SignatureVerifier;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first step of every request: works out its {@link RequestScope} (who is calling, the path as signed, the
 * kind of call, whether contract testing applies) and leaves it on the request. The only class that consults the
 * workspace registry and the configured tenants about a request ({@code LayersTest} keeps it so).
 *
 * <p>A workspace's prefix: {@code /workspaces/{id}/api/v1/...}, {@code /workspaces/{id}/mock/provider-states},
 * {@code .../mock/reset}, {@code .../mock/requests} and {@code /workspaces/{id}/gateway/...} are served as the
 * same paths without the prefix, for that workspace alone: the request is rerouted once its scope is known, and
 * the steps before this one ({@code RequestPipeline}) do not run again. An unknown, expired or deleted workspace is
 * 404 "300". An {@code /api/} call signed with a workspace's access key at the usual paths is that workspace's.
 */
@Singleton
public class ScopeResolver {
    private static final Pattern PREFIXED = Pattern.compile("/workspaces/([^/]+)(/(?:api/|gateway/|mock/(?:provider-states|reset|requests)$).*)");

    private final Workspaces workspaces;
    private final ObjectMapper mapper;
    private final Tenants tenants;
    private final boolean proxyMode;
    private final boolean contractTesting;
    private final Clock clock;
    private final Duration allowedSkew;
    /** The configured tenants' ids, whose keys and products a gateway call may use: fixed at start-up. */
    private final List<String> configuredTenantIds;

    public ScopeResolver(Workspaces workspaces, ObjectMapper mapper, Tenants tenants, NcpMockConfig config, Clock clock) {
        this.workspaces = workspaces;
        this.mapper = mapper;
        this.tenants = tenants;
        this.proxyMode = NcpMockConfig.proxyMode(config);
        this.contractTesting = config.contractTesting();
        this.clock = clock;
        this.allowedSkew = config.allowedClockSkew();
        this.configuredTenantIds = tenants.configured().stream().map(Tenant::tenantId).toList();
    }

    public void resolve(RoutingContext context) {
        if (RequestScope.of(context) != null) {
            // a rerouted request's second pass: its scope is known
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        String path = request.path();
        GatewayAddress byHost = GatewayAddress.parse(request.host(), path);
        if (byHost != null || !path.startsWith("/workspaces/")) {
            resolveUnprefixed(context, byHost);
            return;
        }
        Matcher matcher = PREFIXED.matcher(path);
        if (!matcher.matches()) {
            notFound(context, "No API matches " + request.method() + " " + path
                    + " (under a workspace: api/v1/..., gateway/..., mock/provider-states, mock/reset, mock/requests).");
            return;
        }
        String workspaceId = matcher.group(1);
        String rest = matcher.group(2);
        String query = request.query();
        String restAndQuery = query == null || query.isEmpty() ? rest : rest + "?" + query;
        workspaces.find(workspaceId).emitOn(onContextOf(context)).subscribe().with(found -> {
            if (found.isEmpty()) {
                notFound(context, "Workspace '" + workspaceId + "' was not found: it was never made, was deleted, or expired.");
                return;
            }
            Workspace workspace = found.get();
            workspaces.arrived(workspace);
            GatewayAddress gatewayAddress = GatewayAddress.parse(null, rest);
            new RequestScope(kindOf(rest, gatewayAddress), workspace, true, RequestScope.tenantOf(workspace), verifierOf(workspace),
                    NcpSigner.pathAndQuery(path, query), workspace.contractTesting(), gatewayAddress, List.of(workspace.tenantId()), null)
                    .attachTo(context);
            context.reroute(restAndQuery);
        }, failure -> storeFailed(context, failure));
    }

    /**
     * A call at the usual paths: the configured tenant of its access key (the first one when it names none, or
     * in contract testing), or, for an {@code /api/} call with a workspace's access key, that workspace, looked
     * up here, asynchronously, so that the signature filter stays synchronous.
     */
    private void resolveUnprefixed(RoutingContext context, GatewayAddress gatewayAddress) {
        HttpServerRequest request = context.request();
        String path = request.path();
        Kind kind = kindOf(path, gatewayAddress);
        String signed = NcpSigner.pathAndQuery(path, request.query());
        String accessKey = request.getHeader(NcpHeaders.ACCESS_KEY);
        boolean apiCall = kind == Kind.API || kind == Kind.PROXIED;
        List<String> configuredIds = gatewayAddress == null ? List.of() : configuredTenantIds;
        if (kind == Kind.API && !contractTesting && RequestScope.mayBeWorkspaceKey(accessKey) && !tenants.isConfigured(accessKey)) {
            workspaces.byAccessKey(accessKey).emitOn(onContextOf(context)).subscribe().with(found -> {
                if (found.isPresent()) {
                    Workspace workspace = found.get();
                    workspaces.arrived(workspace);
                    new RequestScope(kind, workspace, false, RequestScope.tenantOf(workspace), verifierOf(workspace), signed, false, null, List.of(), null)
                            .attachTo(context);
                } else {
                    configured(kind, accessKey, signed, null, List.of()).attachTo(context);
                }
                context.next();
            }, failure -> storeFailed(context, failure));
            return;
        }
        configured(kind, apiCall ? accessKey : null, signed, gatewayAddress, configuredIds).attachTo(context);
        context.next();
    }

    /** A call of the configured tenants: the tenant of its access key, or the first one when it names none or replays a pact. */
    private RequestScope configured(Kind kind, String accessKey, String signed, GatewayAddress gatewayAddress, List<String> gatewayTenantIds) {
        Tenant tenant = contractTesting || accessKey == null || accessKey.isBlank() ? tenants.defaultTenant() : tenants.forAccessKey(accessKey);
        return new RequestScope(kind, null, false, tenant, tenants.verifier(), signed, contractTesting, gatewayAddress, gatewayTenantIds, null);
    }

    private Kind kindOf(String path, GatewayAddress gatewayAddress) {
        if (gatewayAddress != null) {
            return Kind.GATEWAY;
        }
        if (path.startsWith("/mock/")) {
            return Kind.ADMIN;
        }
        if (path.startsWith("/api/")) {
            return proxyMode && (path.startsWith("/api/v1/") || path.equals("/api/v1")) ? Kind.PROXIED : Kind.API;
        }
        return Kind.OTHER;
    }

    private SignatureVerifier verifierOf(Workspace workspace) {
        return new SignatureVerifier(List.of(new NcpCredentials(workspace.accessKey(), workspace.secretKey())), clock, allowedSkew);
    }

    /**
     * Runs the rest of the request's routing where the request lives: a store's answer may come on another event
     * loop (a Redis connection's), and a request read, rerouted or resumed from a thread not its own can lose its
     * body or its end, so that it is never answered. Direct when already there (the memory store answers at once).
     */
    private static Executor onContextOf(RoutingContext routing) {
        Context own = Vertx.currentContext();
        if (own == null) {
            return Runnable::run;
        }
        return command -> {
            if (Vertx.currentContext() == own) {
                command.run();
            } else {
                own.runOnContext(ignored -> command.run());
            }
        };
    }

    private static void storeFailed(RoutingContext context, Throwable failure) {
        NcpException answer = Failures.describe(failure, context.request().method() + " " + context.request().path());
        RequestScope.refused(answer.code(), answer.details()).attachTo(context);
        context.next();
    }

    private static void notFound(RoutingContext context, String details) {
        RequestScope.refused(NcpErrorCode.NOT_FOUND, details).attachTo(context);
        context.next();
    }

    /** Answers the refusal the scope carries, if any (after the CORS step, so that a page can read it). */
    public void refuseIfRefused(RoutingContext context) {
        RequestScope.Refusal refusal = RequestScope.of(context).refusal();
        if (refusal != null) {
            NcpErrors.refuse(context, mapper, refusal.code(), refusal.details());
            return;
        }
        context.next();
    }
}
