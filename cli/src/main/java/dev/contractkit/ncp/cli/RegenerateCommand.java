package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "regenerate", description = "Replace the primary or the secondary key value of an API key (key rotation).")
class RegenerateCommand extends ApiCall {

    @Parameters(paramLabel = "ID", description = "The API key's ID")
    String apiKeyId;

    @Option(names = "--key-type", required = true, paramLabel = "PRIMARY|SECONDARY", description = "Which key value to replace: ${COMPLETION-CANDIDATES}")
    KeyType keyType;

    @Override
    Object call(ApiKeysApi api) {
        return api.regenerateApiKey(apiKeyId, new PatchApiKeyRequest().keyType(keyType));
    }
}
