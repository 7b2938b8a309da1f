package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.contractkit.ncp.testsupport.RedisTestResource;
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
            return List.of(new TestResourceEntry(RedisTestResource.class));
        }
    }
}
