package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a year's policy asks: the JP target (overridden by position level, else by employment type), how many minutes
 * make a JP, and whether targets are pro-rated by the share of the year employed (rounded up to whole JP).
 *
 * @param targetByEmploymentType keys are employment type names
 * @param targetByPositionLevel  keys are position level names; an employee's level wins over their type
 */
public record PolicyTerms(BigDecimal targetJp, Map<String, BigDecimal> targetByEmploymentType,
        Map<String, BigDecimal> targetByPositionLevel, int minutesPerJp, boolean prorate) {

    /** The terms of a year without a stored policy: 20 JP (PP 11/2017), 45 minutes a JP, pro-rated. */
    public static final PolicyTerms DEFAULT = new PolicyTerms(new BigDecimal("20"), Map.of(), Map.of(), 45, true);

    public static PolicyTerms of(Policy policy) {
        return policy == null ? DEFAULT : new PolicyTerms(policy.targetJp, policy.targetByEmploymentType,
                policy.targetByPositionLevel, policy.minutesPerJp, policy.prorate);
    }
}
