package org.jpledger.training.service;

import java.util.List;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.training.domain.UnitRepository.SubtreeRow;

/** A unit of a subtree with its history (name and parent over time, oldest first). */
public record SubtreeUnit(SubtreeRow row, List<UnitPeriod> history) {
}
