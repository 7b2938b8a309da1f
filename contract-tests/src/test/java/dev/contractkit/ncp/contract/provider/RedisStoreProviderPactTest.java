package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.contractkit.ncp.testsupport.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The same verification with {@code ncp.mock.store=redis} on a real redis-server: provider states are set
 * up, and every interaction answered, through the Redis store.
 */
@QuarkusTest
@TestProfile(RedisStoreProviderPactTest.RedisStore.class)
@Provider("ncp-apigw-apikeys")
@PactFolder("${pact.folder:target/pacts}")
@DisabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
public class RedisStoreProviderPactTest extends InProcessProviderVerification {

    public static class RedisStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncp.mock.store", "redis");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealRedis.class));
        }
    }

    /** Starts redis-server on a free port for this profile and points quarkus.redis.hosts at it. */
    public static class RealRedis implements QuarkusTestResourceLifecycleManager {
        private RedisServer redis;

        @Override
        public Map<String, String> start() {
            try {
                redis = RedisServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start redis-server", e);
            }
            return Map.of("quarkus.redis.hosts", redis.uri());
        }

        @Override
        public void stop() {
            try {
                if (redis != null) {
                    redis.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
