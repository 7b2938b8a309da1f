package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List API keys, a page at a time.")
class ListCommand extends ApiCall {

    @Option(names = "--name", description = "Keep keys whose name contains this text")
    String name;

    @Option(names = "--offset", description = "How many keys to skip")
    Long offset;

    @Option(names = "--limit", description = "The most keys to return")
    Long limit;

    @Override
    Object call(ApiKeysApi api) {
        return api.listApiKeys(offset, limit, name);
    }
}
