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

    /** A stage of an API: deployed or not, with the usage plans it offers, the first of them its default. */
    public record Stage(String stageId, String stageName, boolean deployed, List<UsagePlan> usagePlans) {
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

    /** A usage plan (its quotas are not modelled: the mock counts no calls). */
    public record UsagePlan(String usagePlanId, String usagePlanName) {
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
