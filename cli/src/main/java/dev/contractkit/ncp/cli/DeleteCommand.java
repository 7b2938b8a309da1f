package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete an API key. NCP answers 204 with no body, so nothing is printed.")
class DeleteCommand extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The API key's ID")
    String apiKeyId;

    @Override
    Object call(ApiKeysApi api) {
        api.deleteApiKey(apiKeyId);
        return null;
    }
}
