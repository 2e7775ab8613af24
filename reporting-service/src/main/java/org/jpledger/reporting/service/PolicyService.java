package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.api.PolicyResponse;
import org.jpledger.reporting.closing.ClosingService;
import org.jpledger.reporting.projection.Policy;
import org.jpledger.reporting.projection.PolicyFields;
import org.jpledger.reporting.projection.PolicyRepository;
import org.jpledger.reporting.projection.PolicyTerms;
import org.jpledger.reporting.projection.UnitFiguresRefresher.PolicyStored;
import org.jpledger.reporting.projection.UnitPolicy;
import org.jpledger.reporting.projection.UnitPolicyRepository;
import org.jpledger.reporting.projection.UnitRepository;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.ResourceNotFoundException;

/** Reads and replaces the yearly compliance policies: the national one and those of unit subtrees. */
@ApplicationScoped
public class PolicyService {

    /** The most unit policies one year may hold: each is looked up per rated row, and a province has a few hundred. */
    public static final int MAX_UNIT_POLICIES_PER_YEAR = 1000;

    private final PolicyRepository policies;
    private final UnitPolicyRepository unitPolicies;
    private final UnitRepository units;
    private final Clock clock;
    private final Event<PolicyStored> stored;
    private final ClosingService closings;

    public PolicyService(PolicyRepository policies, UnitPolicyRepository unitPolicies, UnitRepository units,
            Clock clock, Event<PolicyStored> stored, ClosingService closings) {
        this.policies = policies;
        this.unitPolicies = unitPolicies;
        this.units = units;
        this.clock = clock;
        this.stored = stored;
        this.closings = closings;
    }

    /** The national terms compliance is judged by in {@code year}: the stored policy, or the defaults. */
    @Transactional
    public PolicyTerms termsOf(int year) {
        return PolicyTerms.of(policies.findById(year)).inYear(year);
    }

    @Transactional
    public PolicyResponse get(int year) {
        return response(year, null, policies.findById(year));
    }

    /**
     * Stores the national policy of {@code year} as a new version; the same policy again changes nothing.
     *
     * @return whether the year had no stored policy before, and the policy now
     */
    @Transactional
    public Stored put(int year, PolicyTerms terms) {
        closings.requirePolicyOpen(year, null);
        Policy policy = policies.findById(year, LockModeType.PESSIMISTIC_WRITE);
        boolean created = policy == null;
        if (created) {
            policy = new Policy();
            policy.year = year;
        } else if (PolicyTerms.of(policy).sameAs(terms)) {
            return new Stored(false, response(year, null, policy));
        }
        write(policy, year, terms, created);
        policies.persist(policy);
        return new Stored(created, response(year, null, policy));
    }

    /** The policy of unit {@code code}'s subtree in {@code year}; 404 when the unit has none of its own. */
    @Transactional
    public PolicyResponse getOfUnit(int year, String code) {
        UnitPolicy policy = unitPolicies.findById(new UnitPolicy.Key(year, code));
        if (policy == null) {
            throw new ResourceNotFoundException("Unit " + code + " has no policy of its own in " + year
                    + "; its employees are rated by the nearest ancestor's, else the national one.");
        }
        return response(year, code, policy);
    }

    /** The policies of unit subtrees in {@code year}, by unit code. */
    @Transactional
    public List<PolicyResponse> listOfUnits(int year) {
        List<PolicyResponse> list = new ArrayList<>();
        unitPolicies.list("year = ?1 order by unitCode", year)
                .forEach(policy -> list.add(response(year, policy.unitCode, policy)));
        return list;
    }

    /**
     * Stores the policy of unit {@code code}'s subtree in {@code year} as a new version; the same policy again changes
     * nothing. The unit must be known to reporting, and a year holds at most {@link #MAX_UNIT_POLICIES_PER_YEAR}.
     */
    @Transactional
    public Stored putOfUnit(int year, String code, PolicyTerms terms) {
        if (units.findByIdOptional(code).isEmpty()) {
            throw new ResourceNotFoundException("No unit with this code is known to reporting.");
        }
        closings.requirePolicyOpen(year, code);
        UnitPolicy policy = unitPolicies.findById(new UnitPolicy.Key(year, code), LockModeType.PESSIMISTIC_WRITE);
        boolean created = policy == null;
        if (created) {
            // Racing creations could both pass the count: the limit bounds the work per row, not an exact quota.
            if (unitPolicies.countOf(year) >= MAX_UNIT_POLICIES_PER_YEAR) {
                throw new ConflictException("The year already holds " + MAX_UNIT_POLICIES_PER_YEAR
                        + " unit policies, the most it may; delete one or set a policy higher up the tree.");
            }
            policy = new UnitPolicy();
            policy.year = year;
            policy.unitCode = code;
        } else if (PolicyTerms.of(policy).sameAs(terms)) {
            return new Stored(false, response(year, code, policy));
        }
        write(policy, year, terms, created);
        unitPolicies.persist(policy);
        return new Stored(created, response(year, code, policy));
    }

    /** Deletes the policy of unit {@code code}'s subtree in {@code year}; 404 when it has none. */
    @Transactional
    public void deleteOfUnit(int year, String code) {
        closings.requirePolicyOpen(year, code);
        if (!unitPolicies.deleteById(new UnitPolicy.Key(year, code))) {
            throw new ResourceNotFoundException("Unit " + code + " has no policy of its own in " + year + ".");
        }
        stored.fire(new PolicyStored(year));
    }

    /** The outcome of a put. */
    public record Stored(boolean created, PolicyResponse policy) {
    }

    private void write(PolicyFields policy, int year, PolicyTerms terms, boolean created) {
        terms.writeTo(policy);
        policy.version = created ? 1 : policy.version + 1;
        policy.updatedAt = clock.instant();
        // The year's precomputed unit figures are stale now: have them re-rated once this commits.
        stored.fire(new PolicyStored(year));
    }

    private static PolicyResponse response(int year, String unitCode, PolicyFields policy) {
        PolicyTerms terms = PolicyTerms.of(policy);
        return new PolicyResponse(year, terms.targetJp(), new TreeMap<>(terms.targetByEmploymentType()),
                new TreeMap<>(terms.targetByPositionLevel()), TrainingCalendar.minutesPerJp(year), terms.prorate(),
                policy == null, policy == null ? 0 : policy.version, policy == null ? null : policy.updatedAt, unitCode,
                terms.targetHours(), terms.pacing().name(), terms.quarterFractions(), terms.atRiskFromMonth(),
                terms.leavers().name(), new TreeMap<>(terms.capByEmploymentType()), terms.counting().name());
    }
}
