package dev.contractkit.ncp.testsupport;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One call to a running mock, signed the NCP way over the path and query exactly as given, with a JSON body or none. */
public final class SignedHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SignedHttp() {
    }

    public static HttpResponse<String> send(String baseUrl, NcpCredentials credentials, String method, String pathAndQuery, String json)
            throws IOException, InterruptedException {
        return send(baseUrl, credentials, method, pathAndQuery, json, Map.of());
    }

    /** The same, with more headers. */
    public static HttpResponse<String> send(String baseUrl, NcpCredentials credentials, String method, String pathAndQuery, String json,
            Map<String, String> headers) throws IOException, InterruptedException {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, credentials.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(credentials).sign(method, pathAndQuery, timestamp))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
