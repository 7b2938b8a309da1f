package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpGatewayClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A quick check of a key at the gateway: calls an invoke URL with {@code x-ncp-apigw-api-key}; no signature, no credentials. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Call an API through the gateway with an API key, as a client of the API does; prints the answer.",
            "URL: the invoke URL and resource path, e.g. http://localhost:8080/gateway/wthr7k2m4q/weather-forecast/prod/forecasts",
            "Exit codes: 0 admitted, 1 refused (status and NCP's envelope on stderr), 4 unreachable."})
class CallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "VALUE", description = "The API key's primary or secondary value")
    String key;

    @Option(names = {"-X", "--method"}, defaultValue = "GET", description = "HTTP method (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--data", paramLabel = "JSON", description = "A JSON body to send")
    String body;

    @Parameters(paramLabel = "URL", description = "The invoke URL with the resource path")
    URI url;

    @Override
    public Integer call() {
        try {
            NcpGatewayClient.Answer answer = NcpGatewayClient.of(url, key).call(method.toUpperCase(), "", body);
            spec.commandLine().getOut().println(answer.body());
            return ApiCall.OK;
        } catch (NcpApiException refused) {
            spec.commandLine().getErr().println(refused.status() + " " + refused.rawBody());
            return ApiCall.NCP_ERROR;
        } catch (UncheckedIOException unreachable) {
            spec.commandLine().getErr().println("Could not reach " + url + ": " + unreachable.getCause());
            return ApiCall.UNREACHABLE;
        }
    }
}
