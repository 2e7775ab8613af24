package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * Payload of {@link EventTypes#EMPLOYEE_UPSERTED_V1}: the full state of an employee after a change.
 *
 * @param employmentType  the current type, the last entry of {@code positionHistory}
 * @param positionLevel   the current level, the last entry of {@code positionHistory}
 * @param unitCode        the current unit, the last entry of {@code unitHistory}
 * @param employedUntil   null while still in service
 * @param version         starts at 1 and grows by one per change
 * @param unitHistory     every unit the employee has belonged to, oldest first, with the date each assignment took
 *                        effect; absent in events written before transfers were effective-dated
 * @param positionHistory every employment type and position level the employee has had, oldest first, with the date
 *                        each took effect; absent in events written before they were effective-dated (then the
 *                        current values hold for every year)
 * @param exemptions      the employee's exemption periods, oldest first; absent in events written before exemptions
 *                        existed (none)
 * @param leavingReason   why the employee left service; null while in service, and in events written before reasons
 *                        existed
 * @param pnsOrangId      the national HR system's (SIASN) own id of the person, when known; null otherwise and in
 *                        events written before it was kept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeUpserted(
        String nip,
        String name,
        EmploymentType employmentType,
        PositionLevel positionLevel,
        String unitCode,
        LocalDate employedFrom,
        LocalDate employedUntil,
        long version,
        List<UnitAssignment> unitHistory,
        List<PositionAssignment> positionHistory,
        List<ExemptionPeriod> exemptions,
        LeavingReason leavingReason,
        String pnsOrangId) {

    /** An event as written before the SIASN person id was kept. */
    public EmployeeUpserted(String nip, String name, EmploymentType employmentType, PositionLevel positionLevel,
            String unitCode, LocalDate employedFrom, LocalDate employedUntil, long version,
            List<UnitAssignment> unitHistory, List<PositionAssignment> positionHistory, List<ExemptionPeriod> exemptions,
            LeavingReason leavingReason) {
        this(nip, name, employmentType, positionLevel, unitCode, employedFrom, employedUntil, version, unitHistory,
                positionHistory, exemptions, leavingReason, null);
    }

    /** An event as written before positions were effective-dated and exemptions and leaving reasons existed. */
    public EmployeeUpserted(String nip, String name, EmploymentType employmentType, PositionLevel positionLevel,
            String unitCode, LocalDate employedFrom, LocalDate employedUntil, long version,
            List<UnitAssignment> unitHistory) {
        this(nip, name, employmentType, positionLevel, unitCode, employedFrom, employedUntil, version, unitHistory, null,
                null, null, null);
    }
}
