package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** Verifies the gateway pacts of a folder (provider {@code ncp-apigw-gateway}) against the mock's gateway. */
@QuarkusTest
@Provider("ncp-apigw-gateway")
@PactFolder("${pact.folder:target/pacts}")
@DisabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
public class GatewayProviderPactTest extends InProcessProviderVerification {
}
