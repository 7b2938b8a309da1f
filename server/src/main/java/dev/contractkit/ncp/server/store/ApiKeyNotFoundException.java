package dev.contractkit.ncp.server.store;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpException;

public class ApiKeyNotFoundException extends NcpException {

    public ApiKeyNotFoundException(String apiKeyId) {
        super(NcpErrorCode.NOT_FOUND, "API key '" + apiKeyId + "' was not found.");
    }
}
