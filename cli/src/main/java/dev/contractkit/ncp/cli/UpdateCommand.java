package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.PutApiKeyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Rename, describe, enable or disable an API key; its key values stay.")
class UpdateCommand extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The API key's ID")
    String apiKeyId;

    @Option(names = "--name", required = true, description = "Name, 1-20 characters")
    String name;

    @Option(names = "--description", description = "Description, up to 50 characters")
    String description;

    @Option(names = "--enabled", required = true, arity = "1", paramLabel = "true|false", description = "Enable or disable the key")
    Boolean enabled;

    @Override
    Object call(ApiKeysApi api) {
        return api.updateApiKey(apiKeyId, new PutApiKeyRequest().apiKeyName(name).apiKeyDescription(description).isEnabled(enabled));
    }
}
