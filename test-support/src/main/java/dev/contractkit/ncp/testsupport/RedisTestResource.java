package dev.contractkit.ncp.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real {@link RedisServer} for a {@code @QuarkusTest} profile: started before the application, on a free
 * port, with {@code quarkus.redis.hosts} pointed at it; stopped after. Use it with
 * {@code new TestResourceEntry(RedisTestResource.class)} in a profile that sets {@code ncp.mock.store=redis}.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {
    private RedisServer redis;

    @Override
    public Map<String, String> start() {
        try {
            redis = RedisServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
        return Map.of("quarkus.redis.hosts", redis.uri());
    }

    @Override
    public void stop() {
        if (redis != null) {
            try {
                redis.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
