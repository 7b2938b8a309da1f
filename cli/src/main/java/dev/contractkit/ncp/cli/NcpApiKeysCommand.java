package dev.contractkit.ncp.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "ncp-apikeys", mixinStandardHelpOptions = true, version = "ncp-apikeys 1.0",
        description = {
            "Manages NCP API Gateway API keys (or the mock's), and their subscriptions to products, with the generated, signed client.",
            "Credentials come from NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY.",
            "Exit codes: 0 success (the answer's JSON on stdout), 1 NCP answered an error (status and envelope on stderr),",
            "2 bad usage, 3 no credentials, 4 endpoint unreachable, 5 unexpected error (a bug)."},
        subcommands = {CreateCommand.class, ListCommand.class, GetCommand.class, UpdateCommand.class,
            DeleteCommand.class, RegenerateCommand.class, SubscriptionCommands.Catalog.class, SubscriptionCommands.Products.class,
            SubscriptionCommands.Subscribe.class, SubscriptionCommands.Unsubscribe.class, SubscriptionCommands.Stages.class,
            SubscriptionCommands.Approve.class, SubscriptionCommands.Reject.class, SubscriptionCommands.ProductKeys.class,
            SubscriptionCommands.SetPlan.class, CallCommand.class, WorkspaceCommand.class, ConformCommand.class,
            FromRecordingCommand.class})
public class NcpApiKeysCommand {
}
