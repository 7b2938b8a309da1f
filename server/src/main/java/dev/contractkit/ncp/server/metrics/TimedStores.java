package dev.contractkit.ncp.server.metrics;

import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A store with every asynchronous call timed into {@code ncp_mock_store_latency_seconds{store, call}}: from
 * the moment its answer is asked for (subscription) to the answer or the failure. The store itself knows
 * nothing of it; the calls that answer at once (no {@link Uni}) pass through untimed.
 */
public final class TimedStores {
    private TimedStores() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T timed(Class<T> type, T store, MockMetrics metrics) {
        String name = type.getSimpleName();
        InvocationHandler handler = (proxy, method, args) -> {
            Object answer;
            try {
                answer = method.invoke(store, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
            if (answer instanceof Uni<?> uni) {
                return time(uni, name, method, metrics);
            }
            return answer;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static <V> Uni<V> time(Uni<V> uni, String store, Method method, MockMetrics metrics) {
        String call = method.getName();
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return uni.onTermination().invoke(() -> metrics.storeCall(store, call, System.nanoTime() - started));
        });
    }
}
