package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Verifies the pacts a Pact Broker holds for this provider, when {@code -Dpactbroker.url=URL} is given
 * (with {@code -Dpactbroker.auth.token=...} or {@code -Dpactbroker.auth.username/password} as the broker needs).
 */
@QuarkusTest
@Provider("ncp-apigw-apikeys")
@PactBroker
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
public class BrokerProviderPactTest extends InProcessProviderVerification {
}
