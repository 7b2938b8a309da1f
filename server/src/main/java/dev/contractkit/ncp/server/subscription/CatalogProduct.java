package dev.contractkit.ncp.server.subscription;

import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A product the mock offers to every tenant, with its APIs, their stages and the usage plans of each stage.
 * Read from the seed; a provider state can add one.
 */
public record CatalogProduct(String productId, String productName, String productDescription, SubscriptionCode subscriptionCode,
        boolean published, String invokeId, Instant modTime, List<Api> apis) {

    public CatalogProduct {
        apis = List.copyOf(apis);
    }

    /** An API of the product. */
    public record Api(String apiId, String apiName, List<Stage> stages) {
        public Api {
            stages = List.copyOf(stages);
        }
    }

    /**
     * A stage of an API: deployed or not, with the usage plans it offers, the first of them its default; its
     * throttle ({@code throttleRps}, calls per second over all keys, 0 for none) and its backend
     * ({@code endpointDomain}, a base URL the gateway forwards to, or null for the gateway's echo).
     */
    public record Stage(String stageId, String stageName, boolean deployed, List<UsagePlan> usagePlans, long throttleRps,
            String endpointDomain) {

        public Stage(String stageId, String stageName, boolean deployed, List<UsagePlan> usagePlans) {
            this(stageId, stageName, deployed, usagePlans, 0, null);
        }

        public Stage {
            usagePlans = List.copyOf(usagePlans);
            if (usagePlans.isEmpty()) {
                throw new IllegalArgumentException("stage " + stageId + " needs at least one usage plan (the first is its default)");
            }
        }

        public UsagePlan defaultPlan() {
            return usagePlans.get(0);
        }

        public Optional<UsagePlan> plan(String usagePlanId) {
            return usagePlans.stream().filter(plan -> plan.usagePlanId().equals(usagePlanId)).findFirst();
        }
    }

    /**
     * A usage plan with NCP's limits, per API key on a stage: {@code rateRps} calls per second,
     * {@code dayQuotaRequest} and {@code monthQuotaRequest} calls per day and month (0: no limit);
     * {@code quotaCondition} as NCP names it, kept as given.
     */
    public record UsagePlan(String usagePlanId, String usagePlanName, long rateRps, long dayQuotaRequest, long monthQuotaRequest,
            String quotaCondition) {

        public UsagePlan(String usagePlanId, String usagePlanName) {
            this(usagePlanId, usagePlanName, 0, 0, 0, null);
        }
    }

    /** The API of the product with this name. */
    public Optional<Api> api(String apiName) {
        return apis.stream().filter(api -> api.apiName().equals(apiName)).findFirst();
    }

    public boolean hasDeployedStage() {
        return stages().anyMatch(Stage::deployed);
    }

    public Optional<Stage> stage(String stageId) {
        return stages().filter(stage -> stage.stageId().equals(stageId)).findFirst();
    }

    public Stream<Stage> stages() {
        return apis.stream().flatMap(api -> api.stages().stream());
    }
}
