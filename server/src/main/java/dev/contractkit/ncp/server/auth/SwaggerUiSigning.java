package dev.contractkit.ncp.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.signature.NcpCredentials;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * What Swagger UI's request interceptor (application.properties, {@code quarkus.swagger-ui.request-interceptor})
 * signs with: the mock's first configured credentials. They are mock credentials, handed to the mock's own
 * page; {@code ncp.mock.swagger-ui-signing=false} turns it off (and so does signature verification off,
 * when there is nothing to sign for).
 */
@Singleton
public class SwaggerUiSigning {
    private final String answer;

    public SwaggerUiSigning(Tenants tenants, NcpMockConfig config, ObjectMapper mapper) throws JsonProcessingException {
        NcpCredentials first = tenants.credentials().get(0);
        boolean enabled = config.swaggerUiSigning() && config.verifySignatures();
        this.answer = mapper.writeValueAsString(enabled
                ? Map.of("enabled", true, "accessKey", first.accessKey(), "secretKey", first.secretKey())
                : Map.of("enabled", false));
    }

    /** The answer of {@code GET /mock/swagger-ui/signing} (admin's route table), made once. */
    public String answer() {
        return answer;
    }
}
