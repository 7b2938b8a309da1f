package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show one API key (NCP answers the bare object).")
class GetCommand extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The API key's ID")
    String apiKeyId;

    @Override
    Object call(ApiKeysApi api) {
        return api.getApiKey(apiKeyId);
    }
}
