package dev.contractkit.ncp.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Calls an API through NCP's gateway (or the mock's) with an API key: the invoke URL
 * ({@code https://{invokeId}.apigw.ntruss.com/{apiName}/{stageName}}, or the mock's
 * {@code http://localhost:8080/gateway/{invokeId}/{apiName}/{stageName}}) plus a resource path, with the
 * header {@code x-ncp-apigw-api-key}. A 2xx answer is returned; a refusal throws {@link NcpApiException}
 * with NCP's code ({@code "200"} bad key, {@code "210"} no subscription, {@code "400"}/{@code "410"}/{@code "420"}
 * quota and rate, ...). Immutable and thread-safe; {@link #withKey} makes the client of a rotated key.
 */
public final class NcpGatewayClient {
    public static final String KEY_HEADER = "x-ncp-apigw-api-key";

    private final URI stageUrl;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;

    private NcpGatewayClient(URI stageUrl, String apiKey, HttpClient http, Duration timeout) {
        String url = stageUrl.toString();
        this.stageUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.http = http;
        this.timeout = timeout;
    }

    /** A client of one stage's invoke URL with one key value (primary or secondary). */
    public static NcpGatewayClient of(URI stageUrl, String apiKey) {
        return new NcpGatewayClient(stageUrl, apiKey,
                HttpClient.newBuilder().connectTimeout(NcpApiKeysClient.DEFAULT_CONNECT_TIMEOUT).build(), NcpApiKeysClient.DEFAULT_READ_TIMEOUT);
    }

    /** The same stage with another key value: the step of a rotation. */
    public NcpGatewayClient withKey(String otherKey) {
        return new NcpGatewayClient(stageUrl, otherKey, http, timeout);
    }

    /** An admitted call's answer. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return NcpJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the answer is not JSON: " + body, e);
            }
        }
    }

    public Answer get(String resourcePath) {
        return call("GET", resourcePath, null);
    }

    /** Calls {@code method} on {@code resourcePath} (with any query) below the stage; a JSON body or null. */
    public Answer call(String method, String resourcePath, String jsonBody) {
        String path = resourcePath == null || resourcePath.isEmpty() ? "" : resourcePath.startsWith("/") ? resourcePath : "/" + resourcePath;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stageUrl + path)).timeout(timeout).header(KEY_HEADER, apiKey)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + stageUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + stageUrl, e);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return new Answer(response.statusCode(), response.body());
        }
        throw refusal(response.statusCode(), response.body());
    }

    /** An error answer as {@link NcpApiException}, with NCP's code when the body is its envelope. */
    static NcpApiException refusal(int status, String body) {
        try {
            JsonNode error = NcpJson.mapper().readTree(body).path("error");
            if (error.isObject() && error.hasNonNull("errorCode")) {
                return new NcpApiException(status, error.path("errorCode").asText(), error.path("message").asText(null),
                        error.path("details").asText(null), body);
            }
        } catch (IOException notJson) {
            // the raw body is kept below
        }
        return new NcpApiException(status, null, null, null, body);
    }
}
