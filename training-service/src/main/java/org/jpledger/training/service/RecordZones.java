package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.domain.UnitZones;

/**
 * The time zone an employee's records are dated in: the effective zone of the employee's current unit (its own, else
 * the nearest ancestor's, else Asia/Jakarta). "Today" and the date of an xAPI timestamp are read there, so a record
 * from Papua made after midnight WIT is dated that day.
 */
@ApplicationScoped
class RecordZones {

    private final UnitRepository units;
    private final EmployeeRepository employees;

    RecordZones(UnitRepository units, EmployeeRepository employees) {
        this.units = units;
        this.employees = employees;
    }

    /** The effective zone of the unit {@code unitCode}; Asia/Jakarta for none. */
    ZoneId ofUnit(String unitCode) {
        return unitCode == null ? UnitZones.DEFAULT : units.effectiveZones(List.of(unitCode)).get(unitCode);
    }

    /** The effective zone of each of {@code unitCodes}, in one query. */
    Map<String, ZoneId> ofUnits(Collection<String> unitCodes) {
        return units.effectiveZones(new HashSet<>(unitCodes));
    }

    /** The zone of each of {@code nips} that names an employee, by NIP, in two queries. */
    Map<String, ZoneId> ofEmployees(Collection<String> nips) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (nips.isEmpty()) {
            return zones;
        }
        Map<String, String> unitOf = employees.unitsOf(nips);
        Map<String, ZoneId> unitZones = ofUnits(unitOf.values());
        unitOf.forEach((nip, unit) -> zones.put(nip, unitZones.get(unit)));
        return zones;
    }
}
