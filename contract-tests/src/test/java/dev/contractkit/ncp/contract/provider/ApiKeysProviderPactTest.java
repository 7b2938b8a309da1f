package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** Verifies the pacts of a folder: ours by default, any team's with {@code -Dpact.folder=DIR}. */
@QuarkusTest
@Provider("ncp-apigw-apikeys")
@PactFolder("${pact.folder:target/pacts}")
@DisabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
public class ApiKeysProviderPactTest extends InProcessProviderVerification {
}
