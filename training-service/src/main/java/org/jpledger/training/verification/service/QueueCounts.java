package org.jpledger.training.verification.service;

import java.util.List;

/**
 * How many completions wait per unit.
 *
 * @param own   the asked-for unit's own employees; null when no unit was asked for
 * @param units each listed unit with its whole subtree
 * @param more  whether more units than {@link VerificationQueue#MAX_UNITS} would have been listed
 */
public record QueueCounts(UnitWaiting own, List<UnitWaiting> units, boolean more) {
}
