package dev.contractkit.ncp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpJson;
import dev.contractkit.ncp.client.NcpMockWorkspaces;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Workspaces of a shared mock: {@code workspace create|get|delete}. No NCP credentials needed ({@code /mock/*} is the
 * mock's own); a shared mock's admin token comes from {@code NCP_MOCK_ADMIN_TOKEN}.
 */
@Command(name = "workspace", mixinStandardHelpOptions = true,
        description = {"Make, show or drop a workspace of a shared mock: a tenant of its own with credentials and a prefix URL.",
            "A shared mock's admin token is read from NCP_MOCK_ADMIN_TOKEN; the secret key is printed by create only.",
            "Exit codes: 0 success (JSON on stdout), 1 the mock answered an error (status and envelope on stderr), 4 unreachable."},
        subcommands = {WorkspaceCommand.Create.class, WorkspaceCommand.Get.class, WorkspaceCommand.Delete.class})
class WorkspaceCommand {

    /** What the three share: the mock's root URL, the output and the exit codes. */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--mock", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "The mock's root URL (default: ${DEFAULT-VALUE})")
        URI mock;

        abstract Object run(NcpMockWorkspaces workspaces);

        @Override
        public Integer call() {
            try {
                Object answer = run(NcpMockWorkspaces.at(mock));
                if (answer != null) {
                    spec.commandLine().getOut().println(NcpJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(answer));
                }
                return ApiCall.OK;
            } catch (NcpApiException refused) {
                spec.commandLine().getErr().println(refused.status() + " " + refused.rawBody());
                return ApiCall.NCP_ERROR;
            } catch (UncheckedIOException unreachable) {
                spec.commandLine().getErr().println("Could not reach " + mock + ": " + unreachable.getCause());
                return ApiCall.UNREACHABLE;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot print the answer as JSON", e);
            }
        }

        static NcpApiException notFound(String workspaceId) {
            String details = "Workspace '" + workspaceId + "' was not found: it was never made, was deleted, or expired.";
            return new NcpApiException(404, "300", "Not Found Exception", details,
                    "{\"error\":{\"errorCode\":\"300\",\"message\":\"Not Found Exception\",\"details\":\"" + details + "\"}}");
        }

        static Map<String, Object> json(NcpMockWorkspaces.Workspace workspace) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("workspaceId", workspace.workspaceId());
            fields.put("name", workspace.name());
            fields.put("accessKey", workspace.accessKey());
            if (workspace.secretKey() != null) { // given only when the workspace is made
                fields.put("secretKey", workspace.secretKey());
            }
            fields.put("baseUrl", workspace.baseUrl().toString());
            fields.put("expiresAt", workspace.expiresAt().toString());
            fields.put("contractTesting", workspace.contractTesting());
            return Map.of("workspace", fields);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a workspace; prints its id, credentials (accessKey, secretKey), baseUrl and expiry as JSON.")
    static class Create extends Step {
        @Option(names = "--name", description = "A name to know it by")
        String name;

        @Option(names = "--ttl-seconds", paramLabel = "SECONDS", description = "Idle time before it expires (60 to 604800; default: the mock's, one hour)")
        Long ttlSeconds;

        @Option(names = "--contract-testing", description = "Take replayed pacts under its prefix (for a Pact verifier)")
        boolean contractTesting;

        @Override
        Object run(NcpMockWorkspaces workspaces) {
            return json(workspaces.create(name, ttlSeconds == null ? null : Duration.ofSeconds(ttlSeconds), contractTesting));
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a workspace (404 \"300\" once deleted or expired).")
    static class Get extends Step {
        @Parameters(paramLabel = "ID")
        String workspaceId;

        @Override
        Object run(NcpMockWorkspaces workspaces) {
            return json(workspaces.get(workspaceId).orElseThrow(() -> notFound(workspaceId)));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Drop a workspace and its data. Nothing is printed.")
    static class Delete extends Step {
        @Parameters(paramLabel = "ID")
        String workspaceId;

        @Override
        Object run(NcpMockWorkspaces workspaces) {
            if (!workspaces.delete(workspaceId)) {
                throw notFound(workspaceId);
            }
            return null;
        }
    }
}
