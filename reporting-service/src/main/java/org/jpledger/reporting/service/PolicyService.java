package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.jpledger.reporting.api.PolicyResponse;
import org.jpledger.reporting.projection.Policy;
import org.jpledger.reporting.projection.PolicyRepository;
import org.jpledger.reporting.projection.PolicyTerms;
import org.jpledger.reporting.projection.UnitFiguresRefresher.PolicyStored;

/** Reads and replaces the yearly compliance policies. */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final Clock clock;
    private final Event<PolicyStored> stored;

    public PolicyService(PolicyRepository policies, Clock clock, Event<PolicyStored> stored) {
        this.policies = policies;
        this.clock = clock;
        this.stored = stored;
    }

    /** The terms compliance is judged by in {@code year}: the stored policy, or the defaults. */
    @Transactional
    public PolicyTerms termsOf(int year) {
        return PolicyTerms.of(policies.findById(year));
    }

    @Transactional
    public PolicyResponse get(int year) {
        return response(year, policies.findById(year));
    }

    /**
     * Stores the policy of {@code year} as a new version; the same policy again changes nothing.
     *
     * @return whether the year had no stored policy before, and the policy now
     */
    @Transactional
    public Stored put(int year, PolicyTerms terms) {
        Policy policy = policies.findById(year, LockModeType.PESSIMISTIC_WRITE);
        boolean created = policy == null;
        if (created) {
            policy = new Policy();
            policy.year = year;
        } else if (sameTerms(PolicyTerms.of(policy), terms)) {
            return new Stored(false, response(year, policy));
        }
        policy.targetJp = terms.targetJp();
        policy.targetByEmploymentType = terms.targetByEmploymentType();
        policy.targetByPositionLevel = terms.targetByPositionLevel();
        policy.minutesPerJp = terms.minutesPerJp();
        policy.prorate = terms.prorate();
        policy.version = created ? 1 : policy.version + 1;
        policy.updatedAt = clock.instant();
        policies.persist(policy);
        // The year's precomputed unit figures are stale now: have them re-rated once this commits.
        stored.fire(new PolicyStored(year));
        return new Stored(created, response(year, policy));
    }

    /** The outcome of a put. */
    public record Stored(boolean created, PolicyResponse policy) {
    }

    private static PolicyResponse response(int year, Policy policy) {
        PolicyTerms terms = PolicyTerms.of(policy);
        return new PolicyResponse(year, terms.targetJp(), new TreeMap<>(terms.targetByEmploymentType()),
                new TreeMap<>(terms.targetByPositionLevel()), terms.minutesPerJp(), terms.prorate(), policy == null,
                policy == null ? 0 : policy.version, policy == null ? null : policy.updatedAt);
    }

    private static boolean sameTerms(PolicyTerms a, PolicyTerms b) {
        return a.targetJp().compareTo(b.targetJp()) == 0 && a.minutesPerJp() == b.minutesPerJp()
                && a.prorate() == b.prorate() && sameTargets(a.targetByEmploymentType(), b.targetByEmploymentType())
                && sameTargets(a.targetByPositionLevel(), b.targetByPositionLevel());
    }

    private static boolean sameTargets(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return a.size() == b.size() && a.entrySet().stream()
                .allMatch(entry -> b.containsKey(entry.getKey()) && b.get(entry.getKey()).compareTo(entry.getValue()) == 0);
    }
}
