package dev.contractkit.ncp.server.gateway;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.store.Admission;
import dev.contractkit.ncp.server.store.GatewayCall;
import dev.contractkit.ncp.server.store.UsageStore;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The checks NCP's gateway makes on a call to a product's invoke URL, in its order: the route (invoke id,
 * API, stage: 404 "300"), the key ({@code x-ncp-apigw-api-key}: 401 "200"), the subscription (401 "210"),
 * then the stage's throttle and the key's usage plan (429 "410", "420", "400"). The store checks and counts
 * in one atomic step. Knows nothing of HTTP.
 */
@ApplicationScoped
public class Gateway {
    static final String SUBSCRIPTION_REQUIRED = "A subscription to the API is required.";

    private final UsageStore store;
    private final ProductCatalog catalog;
    private final Clock clock;

    public Gateway(UsageStore store, ProductCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Where a call goes: a deployed stage of an API of a published product of a tenant. */
    public record Target(String tenantId, CatalogProduct product, CatalogProduct.Api api, CatalogProduct.Stage stage) {
    }

    /** What the gateway decided: the target and admission, or a refusal with NCP's code and details. */
    public record Decision(Target target, Admission admission, NcpErrorCode refusal, String details) {
        static Decision refused(NcpErrorCode code, String details) {
            return new Decision(null, null, code, details);
        }

        public boolean admitted() {
            return refusal == null;
        }
    }

    /**
     * Decides a call to {@code invokeId/apiName/stageName} with the key value sent (null: no header), among
     * the tenants given (the configured tenants, or a workspace's): the first whose catalogue has the invoke
     * id routes it; the first of those that holds the key value answers for it.
     */
    public Uni<Decision> decide(List<String> tenantIds, String invokeId, String apiName, String stageName, String keyValue) {
        List<Target> targets = tenantIds.stream().map(tenantId -> target(tenantId, invokeId, apiName, stageName))
                .flatMap(Optional::stream).toList();
        if (targets.isEmpty()) {
            return Uni.createFrom().item(Decision.refused(NcpErrorCode.NOT_FOUND, notFound(tenantIds, invokeId, apiName, stageName)));
        }
        if (keyValue == null || keyValue.isBlank()) {
            return Uni.createFrom().item(Decision.refused(NcpErrorCode.AUTHENTICATION_FAILED, "The x-ncp-apigw-api-key header is missing."));
        }
        return admit(targets, 0, keyValue.trim());
    }

    private Uni<Decision> admit(List<Target> targets, int index, String keyValue) {
        Target target = targets.get(index);
        return store.admit(target.tenantId(), call(target, keyValue)).chain(admission -> {
            if (admission.verdict() == Admission.Verdict.UNKNOWN_KEY && index + 1 < targets.size()) {
                return admit(targets, index + 1, keyValue);
            }
            return Uni.createFrom().item(decision(target, admission));
        });
    }

    private GatewayCall call(Target target, String keyValue) {
        List<GatewayCall.PlanLimits> plans = target.stage().usagePlans().stream()
                .map(plan -> new GatewayCall.PlanLimits(plan.usagePlanId(), plan.rateRps(), plan.dayQuotaRequest(), plan.monthQuotaRequest()))
                .toList();
        return new GatewayCall(keyValue, target.product().productId(), target.product().subscriptionCode() == SubscriptionCode.PROTECTED,
                target.stage().stageId(), target.stage().throttleRps(), plans, clock.instant());
    }

    static Decision decision(Target target, Admission admission) {
        return switch (admission.verdict()) {
            case ADMITTED -> new Decision(target, admission, null, null);
            case UNKNOWN_KEY -> refused(target, admission, "The API key is not valid.");
            case DISABLED_KEY -> refused(target, admission, "The API key is disabled.");
            case NOT_SUBSCRIBED -> refused(target, admission, SUBSCRIPTION_REQUIRED);
            case THROTTLED -> refused(target, admission,
                    "The stage allows " + target.stage().throttleRps() + " calls per second.");
            case RATE_LIMITED -> refused(target, admission,
                    "The usage plan '" + admission.usagePlanId() + "' allows " + plan(target, admission).rateRps() + " calls per second.");
            case QUOTA_EXCEEDED -> refused(target, admission,
                    "The day or month quota of the usage plan '" + admission.usagePlanId() + "' is used up.");
        };
    }

    private static Decision refused(Target target, Admission admission, String details) {
        return new Decision(target, admission, NcpErrorCode.ofRefusal(admission.verdict()), details);
    }

    private static CatalogProduct.UsagePlan plan(Target target, Admission admission) {
        return target.stage().plan(admission.usagePlanId()).orElse(target.stage().defaultPlan());
    }

    private Optional<Target> target(String tenantId, String invokeId, String apiName, String stageName) {
        return catalog.byInvokeId(tenantId, invokeId).filter(CatalogProduct::published).flatMap(product -> product.api(apiName)
                .flatMap(api -> api.stages().stream().filter(stage -> stage.stageName().equals(stageName) && stage.deployed()).findFirst()
                        .map(stage -> new Target(tenantId, product, api, stage))));
    }

    /** Names the first part of the route that is unknown, unpublished or undeployed. */
    private String notFound(List<String> tenantIds, String invokeId, String apiName, String stageName) {
        Optional<CatalogProduct> product = tenantIds.stream().map(tenantId -> catalog.byInvokeId(tenantId, invokeId)).flatMap(Optional::stream).findFirst();
        if (product.isEmpty()) {
            return "No product has the invoke id '" + invokeId + "'.";
        }
        if (!product.get().published()) {
            return "The product of invoke id '" + invokeId + "' is not published.";
        }
        Optional<CatalogProduct.Api> api = product.get().api(apiName);
        if (api.isEmpty()) {
            return "The product of invoke id '" + invokeId + "' has no API '" + apiName + "'.";
        }
        boolean exists = api.get().stages().stream().anyMatch(stage -> stage.stageName().equals(stageName));
        return exists ? "The stage '" + stageName + "' of API '" + apiName + "' is not deployed."
                : "The API '" + apiName + "' has no stage '" + stageName + "'.";
    }
}
