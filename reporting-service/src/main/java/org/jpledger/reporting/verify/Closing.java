package org.jpledger.reporting.verify;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a verification needs of a closing's manifest: which closing it is, the day and the policy texts it was rated
 * with, and the consumer's stored offsets when it was taken ({"topic-partition": next offset}).
 */
public record Closing(long id, int year, String unitCode, int version, LocalDate ratedOn, String policies,
        String governing, Map<String, Long> offsets) {
}
