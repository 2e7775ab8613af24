package org.jpledger.training.service;

/**
 * The command to set a unit's state.
 *
 * @param parentCode the code of the parent unit; null for a root unit
 * @param timeZone   the unit's own time zone; null to take its parent's
 */
public record UnitState(String name, String parentCode, String timeZone) {
}
