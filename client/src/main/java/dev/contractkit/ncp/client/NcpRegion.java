package dev.contractkit.ncp.client;

import java.net.URI;

/** NCP's API Gateway management endpoints, each with the {@code /api/v1} prefix the API's paths hang off. */
public enum NcpRegion {
    PUBLIC("https://apigateway.apigw.ntruss.com/api/v1"),
    GOV("https://apigateway.apigw.gov-ntruss.com/api/v1"),
    FIN("https://apigateway.apigw.fin-ntruss.com/api/v1");

    private final URI endpoint;

    NcpRegion(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }
}
