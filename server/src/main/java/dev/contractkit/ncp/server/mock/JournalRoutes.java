package dev.contractkit.ncp.server.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Predicate;

/** {@code GET /mock/requests[?method=&path=&status=]} answers {@code {"requests": [...]}}; {@code DELETE /mock/requests} clears. */
public class JournalRoutes {
    private final RequestJournal journal;
    private final ObjectMapper mapper;

    public JournalRoutes(RequestJournal journal, ObjectMapper mapper) {
        this.journal = journal;
        this.mapper = mapper;
    }

    @Route(path = "/mock/requests", methods = HttpMethod.GET)
    void list(RoutingContext context) throws JsonProcessingException {
        String method = context.request().getParam("method");
        String path = context.request().getParam("path");
        String status = context.request().getParam("status");
        Predicate<RequestJournal.Entry> filter = entry -> (method == null || entry.method().equalsIgnoreCase(method))
                && (path == null || entry.path().startsWith(path))
                && (status == null || Integer.toString(entry.status()).equals(status));
        context.response().putHeader("Content-Type", "application/json")
                .end(mapper.writeValueAsString(Map.of("requests", journal.entries(filter))));
    }

    @Route(path = "/mock/requests", methods = HttpMethod.DELETE)
    void clear(RoutingContext context) {
        journal.clear();
        context.response().setStatusCode(204).end();
    }
}
