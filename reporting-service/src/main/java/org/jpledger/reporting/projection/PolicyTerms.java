package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.reference.CountingPolicy;
import org.jpledger.contracts.reference.TrainingCalendar;

/**
 * What a policy asks: the JP target (overridden by position level, else by employment type), how many minutes make a
 * JP (the national reference value), whether targets are pro-rated by the share of the year employed (rounded up to
 * whole JP), the target in hours when it was stated so, the pacing, how leavers count, and JP ceilings per contract
 * year by employment type, and which completions count by their verification state.
 *
 * @param targetByEmploymentType keys are employment type names
 * @param targetByPositionLevel  keys are position level names; an employee's level wins over their type
 * @param targetHours            the target as stated in hours ({@code targetJp} holds it converted); null when in JP
 * @param quarterFractions       for {@link Pacing#QUARTERLY}: cumulative fractions due by the end of each quarter
 * @param atRiskFromMonth        for {@link Pacing#GRACE}: the first month (1-12) an employee may be AT_RISK in
 * @param capByEmploymentType    keys are employment type names; a ceiling of JP per contract year, not a target
 * @param counting               which verification states count (ALL: every completion not rejected)
 */
public record PolicyTerms(BigDecimal targetJp, Map<String, BigDecimal> targetByEmploymentType,
        Map<String, BigDecimal> targetByPositionLevel, int minutesPerJp, boolean prorate, BigDecimal targetHours,
        Pacing pacing, List<BigDecimal> quarterFractions, Integer atRiskFromMonth, LeaversRule leavers,
        Map<String, BigDecimal> capByEmploymentType, CountingPolicy counting) {

    /** The terms of a year without a stored policy: 20 JP (PP 11/2017), pro-rated, linear, leavers pro-rated. */
    public static final PolicyTerms DEFAULT = new PolicyTerms(new BigDecimal("20"), Map.of(), Map.of(), 45, true, null,
            Pacing.LINEAR, null, null, LeaversRule.PRORATE, Map.of(), CountingPolicy.DEFAULT);

    public static PolicyTerms of(PolicyFields policy) {
        return policy == null ? DEFAULT : new PolicyTerms(policy.targetJp, policy.targetByEmploymentType,
                policy.targetByPositionLevel, policy.minutesPerJp, policy.prorate, policy.targetHours,
                Pacing.valueOf(policy.pacing), policy.quarterFractions, policy.atRiskFromMonth,
                LeaversRule.valueOf(policy.leavers), policy.capByEmploymentType,
                policy.counting == null ? CountingPolicy.DEFAULT : CountingPolicy.valueOf(policy.counting));
    }

    /** The terms with the reference minutes per JP of {@code year}: the value every policy of the year shows. */
    public PolicyTerms inYear(int year) {
        return new PolicyTerms(targetJp, targetByEmploymentType, targetByPositionLevel,
                TrainingCalendar.minutesPerJp(year), prorate, targetHours, pacing, quarterFractions, atRiskFromMonth,
                leavers, capByEmploymentType, counting);
    }

    /** Copies these terms into a stored policy's columns (not its key, version or time). */
    public void writeTo(PolicyFields policy) {
        policy.targetJp = targetJp;
        policy.targetByEmploymentType = targetByEmploymentType;
        policy.targetByPositionLevel = targetByPositionLevel;
        policy.minutesPerJp = minutesPerJp;
        policy.prorate = prorate;
        policy.targetHours = targetHours;
        policy.pacing = pacing.name();
        policy.quarterFractions = quarterFractions;
        policy.atRiskFromMonth = atRiskFromMonth;
        policy.leavers = leavers.name();
        policy.capByEmploymentType = capByEmploymentType;
        policy.counting = counting.name();
    }

    /** Whether {@code other} asks the same (numbers compared by value, so 20 and 20.00 are the same). */
    public boolean sameAs(PolicyTerms other) {
        return same(targetJp, other.targetJp) && minutesPerJp == other.minutesPerJp && prorate == other.prorate
                && same(targetHours, other.targetHours) && pacing == other.pacing
                && sameList(quarterFractions, other.quarterFractions)
                && java.util.Objects.equals(atRiskFromMonth, other.atRiskFromMonth) && leavers == other.leavers
                && sameMap(targetByEmploymentType, other.targetByEmploymentType)
                && sameMap(targetByPositionLevel, other.targetByPositionLevel)
                && sameMap(capByEmploymentType, other.capByEmploymentType) && counting == other.counting;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameList(List<BigDecimal> a, List<BigDecimal> b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMap(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Map<String, BigDecimal> left = a == null ? Map.of() : a;
        Map<String, BigDecimal> right = b == null ? Map.of() : b;
        return left.size() == right.size() && left.entrySet().stream()
                .allMatch(entry -> right.containsKey(entry.getKey()) && same(right.get(entry.getKey()), entry.getValue()));
    }
}
