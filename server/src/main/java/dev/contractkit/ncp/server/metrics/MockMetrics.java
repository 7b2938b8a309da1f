package dev.contractkit.ncp.server.metrics;

import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The mock's own Prometheus metrics ({@code /q/metrics}), all with low-cardinality labels (never a key, a key
 * id, a tenant or a workspace):
 * <ul>
 *   <li>{@code ncp_mock_calls_total{kind, operation, status}}: every answered call; {@code kind} api, proxied,
 *       gateway or admin; {@code operation} the spec's operation id for the management API (or {@code unknown}),
 *       {@code gateway} and {@code admin} for the others;</li>
 *   <li>{@code ncp_mock_gateway_calls_total{outcome, code}}: the gateway's admissions ({@code admitted}, code
 *       {@code none}) and refusals by NCP error code;</li>
 *   <li>{@code ncp_mock_store_latency_seconds{store, call}}: every store call, from start to answer;</li>
 *   <li>{@code ncp_mock_workspaces} and {@code ncp_mock_journal_entries{journal}}: see {@link StoreGauges}.</li>
 * </ul>
 */
@Singleton
public class MockMetrics {
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500)};

    private final MeterRegistry registry;
    private final Operations operations = new Operations();
    /** By kind, then operation: the counters by status, made on first use (nothing is allocated per call). */
    private final Map<String, Map<String, AtomicReferenceArray<Counter>>> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> gateway = new ConcurrentHashMap<>();

    public MockMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A pipeline step: counts the call once its answer's status is known (Quarkus's own {@code /q/} routes excepted). */
    public void capture(RoutingContext context) {
        RequestScope scope = RequestScope.of(context);
        String kind = switch (scope.kind()) {
            case API -> "api";
            case PROXIED -> "proxied";
            case GATEWAY -> "gateway";
            case ADMIN -> "admin";
            case OTHER -> null;
        };
        if (kind != null) {
            context.addHeadersEndHandler(done -> {
                String operation = switch (kind) {
                    case "api", "proxied" -> operations.of(context.request().method().name(), pathOf(scope.signedPathAndQuery()));
                    default -> kind;
                };
                counter(kind, operation, context.response().getStatusCode()).increment();
            });
        }
        context.next();
    }

    private Counter counter(String kind, String operation, int status) {
        AtomicReferenceArray<Counter> byStatus = calls.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, o -> new AtomicReferenceArray<>(600));
        int slot = status >= 0 && status < 600 ? status : 0;
        Counter counter = byStatus.get(slot);
        if (counter == null) {
            counter = Counter.builder("ncp.mock.calls").description("Calls answered by the mock, by kind, operation and status")
                    .tags("kind", kind, "operation", operation, "status", Integer.toString(status)).register(registry);
            byStatus.set(slot, counter);
        }
        return counter;
    }

    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** One gateway call decided: admitted ({@code refusal} null) or refused with that error. */
    public void gateway(NcpErrorCode refusal) {
        String code = refusal == null ? "none" : refusal.code();
        gateway.computeIfAbsent(code, name -> Counter.builder("ncp.mock.gateway.calls")
                .description("Gateway calls admitted (code none) and refused, by NCP error code")
                .tags("outcome", refusal == null ? "admitted" : "refused", "code", code).register(registry)).increment();
    }

    /** The timer of one store call ({@code storeName.call}), for {@link TimedStores}. */
    Timer storeTimer(String storeName, String call) {
        return Timer.builder("ncp.mock.store.latency").description("Store calls, from start to answer")
                .tags("store", storeName, "call", call).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
}
