package dev.contractkit.ncp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.NcpClientCredentials;
import dev.contractkit.ncp.client.NcpJson;
import dev.contractkit.ncp.client.NcpRegion;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.signature.NcpCredentials;
import jakarta.ws.rs.ProcessingException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the endpoint, the signed client, JSON output and the exit codes. */
@Command(mixinStandardHelpOptions = true)
abstract class ApiCall implements Callable<Integer> {
    /** The answer's JSON is on standard output. */
    static final int OK = 0;
    /** NCP (or the mock) answered an HTTP error; its status and envelope are on standard error. */
    static final int NCP_ERROR = 1;
    /** Bad usage: the error and the command's help are on standard error. */
    static final int USAGE = 2;
    /** No credentials: NCLOUD_ACCESS_KEY / NCLOUD_SECRET_KEY (or ncloud.access-key / ncloud.secret-key) are missing. */
    static final int NO_CREDENTIALS = 3;
    /** The endpoint could not be reached (connection refused, unknown host, timeout). */
    static final int UNREACHABLE = 4;
    /** Anything else: a bug of this tool, reported as one. */
    static final int UNEXPECTED = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Base URL up to /api/v1 (default: ${DEFAULT-VALUE}; the mock: http://localhost:8080/api/v1)")
    URI endpoint = NcpRegion.PUBLIC.endpoint();

    /** The call itself, on a client builder set up with the endpoint and credentials; answers the body, or {@code null}. */
    Object call(NcpApiKeysClient.Builder clients) {
        return call(clients.build());
    }

    /** An API-key call; answers the response body, or {@code null} when there is none. */
    Object call(ApiKeysApi api) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " overrides call(Builder)");
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        NcpCredentials credentials;
        try {
            credentials = NcpClientCredentials.fromConfig(ConfigProvider.getConfig());
        } catch (IllegalStateException missing) {
            err.println(missing.getMessage());
            err.println("For the mock: MOCKACCESSKEY0000001 and MOCKSECRETKEY000000000000000000000000001. See '"
                    + spec.qualifiedName() + " --help'.");
            return NO_CREDENTIALS;
        }
        try {
            print(call(NcpApiKeysClient.builder().endpoint(endpoint).credentials(credentials)));
            return OK;
        } catch (NcpApiException error) {
            err.println(describe(error));
            return NCP_ERROR;
        } catch (ProcessingException unreachable) {
            err.println("Could not reach " + endpoint + ": " + rootMessage(unreachable));
            return UNREACHABLE;
        } catch (RuntimeException bug) {
            return unexpected(err, bug);
        }
    }

    static int unexpected(PrintWriter err, Throwable bug) {
        err.println("Unexpected error (a bug of ncp-apikeys, please report it): " + bug);
        return UNEXPECTED;
    }

    private void print(Object body) {
        if (body == null) {
            return;
        }
        try {
            spec.commandLine().getOut().println(NcpJson.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the answer as JSON", e);
        }
    }

    static String describe(NcpApiException error) {
        if (!error.isNcpEnvelope()) {
            return "HTTP " + error.status() + (error.rawBody().isEmpty() ? "" : "\n" + error.rawBody());
        }
        return "HTTP " + error.status()
                + "\nerrorCode: " + error.errorCode().orElse("")
                + "\nmessage: " + error.errorMessage().orElse("")
                + "\ndetails: " + error.details().orElse("");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
