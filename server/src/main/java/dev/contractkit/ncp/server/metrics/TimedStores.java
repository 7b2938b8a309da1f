package dev.contractkit.ncp.server.metrics;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A store with every asynchronous call timed into {@code ncp_mock_store_latency_seconds{store, call}}: from
 * the call to the answer or the failure (the store's answers are asked for as soon as they are made). The store itself knows
 * nothing of it; the calls that answer at once (no {@link Uni}) pass through untimed.
 */
public final class TimedStores {
    private TimedStores() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T timed(Class<T> type, T store, MockMetrics metrics) {
        String name = type.getSimpleName();
        Map<Method, Timer> timers = new ConcurrentHashMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            Object answer;
            try {
                answer = method.invoke(store, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
            if (answer instanceof Uni<?> uni) {
                Timer timer = timers.computeIfAbsent(method, called -> metrics.storeTimer(name, called.getName()));
                long started = System.nanoTime();
                return uni.onTermination().invoke(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
            }
            return answer;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
