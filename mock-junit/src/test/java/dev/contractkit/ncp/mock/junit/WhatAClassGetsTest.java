package dev.contractkit.ncp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpGatewayClient;
import dev.contractkit.ncp.client.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.client.generated.model.PostSubscriptionRequest;
import dev.contractkit.ncp.client.generated.model.PutApiKeyRelationRequest;
import org.junit.jupiter.api.Test;

/** The {@link NcpMock} of a class: as a field and a parameter, its signed clients, its gateway, its reset. */
@NcpMockTest
class WhatAClassGetsTest {
    NcpMock field;

    @Test
    void theFieldAndTheParameterAreTheClasssOneWorkspace(NcpMock parameter) {
        assertThat(field).isSameAs(parameter);
        assertThat(parameter.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/workspaces/" + parameter.workspaceId() + "/api/v1");
        assertThat(parameter.accessKey()).isNotBlank().isNotEqualTo("MOCKACCESSKEY0000001");
        assertThat(parameter.secretKey()).isNotBlank();
    }

    @Test
    void aSubscribedKeyOpensTheWorkspacesGatewayAndAResetForgetsIt(NcpMock mock) {
        mock.reset();
        String id = mock.apiKeys().createApiKey(new PostApiKeyRequest().apiKeyName("gateway-key")).getApiKey().getApiKeyId();
        String key = mock.apiKeys().getApiKey(id).getPrimaryKey();
        mock.subscriptions().subscribeApiKey(id, new PostSubscriptionRequest().productId("prodpub001"));
        mock.subscriptions().setUsagePlan("prodpub001", id, "stgobsprd1", new PutApiKeyRelationRequest().usagePlanId("planunlim1"));

        NcpGatewayClient.Answer answer = mock.gateway("wthr7k2m4q", "weather-observations", "prod", key).get("/now");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("apiKeyId").asText()).isEqualTo(id);
        assertThat(mock.requests()).anySatisfy(request -> {
            assertThat(request.path()).isEqualTo("/workspaces/" + mock.workspaceId() + "/gateway/wthr7k2m4q/weather-observations/prod/now");
            assertThat(request.apiKeyId()).isEqualTo(id);
        });

        mock.reset();
        assertThatThrownBy(() -> mock.apiKeys().getApiKey(id)).isInstanceOfSatisfying(NcpApiException.class,
                refused -> assertThat(refused.status()).isEqualTo(404));
        assertThatThrownBy(() -> mock.gateway("wthr7k2m4q", "weather-observations", "prod", key).get("/now"))
                .isInstanceOfSatisfying(NcpApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.errorCode()).contains("200");
                });
    }
}
