package org.jpledger.reporting.projection;

/** A unit of a year's tree ({@link YearTree}): its code, and its name and parent as they were on 31 December. */
public record YearUnit(String code, String name, String parentCode) {
}
