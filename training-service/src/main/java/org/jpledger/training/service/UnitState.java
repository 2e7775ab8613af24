package org.jpledger.training.service;

/**
 * The command to set a unit's state.
 *
 * @param parentCode the code of the parent unit; null for a root unit
 */
public record UnitState(String name, String parentCode) {
}
