package dev.contractkit.ncp.server.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.auth.WorkspaceRequests;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.store.StoreUnavailableException;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace's prefix: {@code /workspaces/{id}/api/v1/...}, {@code /workspaces/{id}/mock/provider-states},
 * {@code .../mock/reset}, {@code .../mock/requests} and {@code /workspaces/{id}/gateway/...} are served as the
 * same paths without the prefix, for that workspace alone ({@link WorkspaceRequests}). Runs first of all
 * filters, so that everything after it, the journal included, sees the request once, as rerouted. An
 * unknown, expired or deleted workspace is 404 "300".
 */
public class WorkspaceRouting {
    private static final Pattern PREFIXED = Pattern.compile("/workspaces/([^/]+)(/(?:api/|gateway/|mock/(?:provider-states|reset|requests)$).*)");

    private final Workspaces workspaces;
    private final ObjectMapper mapper;
    private final Tenants tenants;

    public WorkspaceRouting(Workspaces workspaces, ObjectMapper mapper, Tenants tenants) {
        this.workspaces = workspaces;
        this.mapper = mapper;
        this.tenants = tenants;
    }

    @RouteFilter(RouteFilter.DEFAULT_PRIORITY + 2000)
    void route(RoutingContext context) {
        String path = context.request().path();
        if (!path.startsWith("/workspaces/") || context.get(WorkspaceRequests.WORKSPACE) != null) {
            byAccessKey(context, path);
            return;
        }
        Matcher matcher = PREFIXED.matcher(path);
        if (!matcher.matches()) {
            notFound(context, "No API matches " + context.request().method() + " " + path
                    + " (under a workspace: api/v1/..., gateway/..., mock/provider-states, mock/reset, mock/requests).");
            return;
        }
        String workspaceId = matcher.group(1);
        String rest = matcher.group(2);
        String query = context.request().query();
        workspaces.find(workspaceId).emitOn(onContextOf(context)).subscribe().with(found -> {
            if (found.isEmpty()) {
                notFound(context, "Workspace '" + workspaceId + "' was not found: it was never made, was deleted, or expired.");
                return;
            }
            workspaces.arrived(found.get());
            context.put(WorkspaceRequests.WORKSPACE, found.get());
            context.put(WorkspaceRequests.SIGNED_PATH_AND_QUERY, query == null || query.isEmpty() ? path : path + "?" + query);
            context.reroute(query == null || query.isEmpty() ? rest : rest + "?" + query);
        }, failure -> {
            NcpErrorCode code = failure instanceof StoreUnavailableException ? NcpErrorCode.ENDPOINT_ERROR : NcpErrorCode.UNEXPECTED_ERROR;
            NcpErrors.send(context, code.status(), code, NcpErrors.json(mapper, code, failure.getMessage()));
        });
    }

    /**
     * An {@code /api/} request signed with an access key that is not configured and may be a workspace's: its
     * workspace (made on any replica) is looked up here, asynchronously, so that the signature filter stays
     * synchronous. Every other request passes at once.
     */
    private void byAccessKey(RoutingContext context, String path) {
        String accessKey = context.request().getHeader("x-ncp-iam-access-key");
        if (!path.startsWith("/api/") || !WorkspaceRequests.mayBeWorkspaceKey(accessKey) || tenants.isConfigured(accessKey)
                || context.get(WorkspaceRequests.WORKSPACE) != null) {
            context.next();
            return;
        }
        workspaces.byAccessKey(accessKey).emitOn(onContextOf(context)).subscribe().with(found -> {
            found.ifPresent(workspace -> {
                workspaces.arrived(workspace);
                context.put(WorkspaceRequests.BY_ACCESS_KEY, workspace);
            });
            context.next();
        }, context::fail);
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

    private void notFound(RoutingContext context, String details) {
        NcpErrors.send(context, 404, NcpErrorCode.NOT_FOUND, NcpErrors.json(mapper, NcpErrorCode.NOT_FOUND, details));
    }
}
