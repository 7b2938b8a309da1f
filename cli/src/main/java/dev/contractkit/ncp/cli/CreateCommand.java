package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.PostApiKeyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create", description = "Create an API key; prints it in NCP's {\"apiKey\": ...} envelope.")
class CreateCommand extends ApiCall {

    @Option(names = "--name", required = true, description = "Name, 1-20 characters")
    String name;

    @Option(names = "--description", description = "Description, up to 50 characters")
    String description;

    @Override
    Object call(ApiKeysApi api) {
        return api.createApiKey(new PostApiKeyRequest().apiKeyName(name).apiKeyDescription(description));
    }
}
