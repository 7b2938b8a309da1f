package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The same verification with {@code ncp.mock.store=redis} on a real redis-server: provider states are set
 * up, and every interaction answered, through the Redis store. The packaged mock runs it in a process of its
 * own, so the tests of this module share one Quarkus start.
 */
@Provider("ncp-apigw-apikeys")
@PactFolder("${pact.folder:target/pacts}")
@DisabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
public class RedisStoreProviderPactTest extends RunningMockVerification {
    private static RedisServer redis;
    private static PackagedMock mock;

    @BeforeAll
    static void startRedisAndTheMock() throws Exception {
        redis = RedisServer.start();
        Path root = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
        mock = PackagedMock.start(root.resolve("server/target/quarkus-app/quarkus-run.jar"),
                List.of("-Dncp.mock.store=redis", "-Dquarkus.redis.hosts=" + redis.uri()), Map.of());
    }

    @AfterAll
    static void stopTheMockAndRedis() throws Exception {
        if (mock != null) {
            mock.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    String mockUrl() {
        return mock.url();
    }
}
