package dev.contractkit.ncp.server.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One call at the mock's gateway, as the store checks and counts it in one atomic step: the key value sent,
 * the product and stage called, whether the product needs an ACCEPTED subscription (PROTECTED), the stage's
 * throttle, the stage's usage plans (the first is its default), and when the call came.
 *
 * <p>The periods are those of the mock's clock in UTC: a rate or throttle window is one clock second; the
 * day and month quotas count from 00:00 UTC of the day and of the first of the month.
 */
public record GatewayCall(String keyValue, String productId, boolean subscriptionRequired, String stageId, long throttleRps,
        List<PlanLimits> plans, Instant at) {

    public GatewayCall {
        plans = List.copyOf(plans);
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a stage has at least one usage plan");
        }
    }

    /** A usage plan's limits per key on the stage; 0 means no limit. */
    public record PlanLimits(String usagePlanId, long rateRps, long dayQuotaRequest, long monthQuotaRequest) {
    }

    /** The plan in force: the one the subscription chose for the stage, or the stage's default. */
    public PlanLimits plan(String chosenPlanId) {
        return Optional.ofNullable(chosenPlanId)
                .flatMap(id -> plans.stream().filter(plan -> plan.usagePlanId().equals(id)).findFirst())
                .orElse(plans.get(0));
    }

    public long second() {
        return at.getEpochSecond();
    }

    public String day() {
        return day(at);
    }

    public String month() {
        return month(at);
    }

    public static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    public static String month(Instant at) {
        return day(at).substring(0, 7);
    }
}
