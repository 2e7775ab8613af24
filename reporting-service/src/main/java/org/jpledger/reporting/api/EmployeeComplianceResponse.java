package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.projection.CompletionFact;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.ContractYear;
import org.jpledger.reporting.projection.Employee;
import org.jpledger.reporting.projection.RatedEmployee;

/** An employee's recognized lesson hours (JP) in one training year, against the year's target. */
@Schema(name = "EmployeeCompliance", description = "An employee's recognized lesson hours (JP) in one training year")
public record EmployeeComplianceResponse(
        @Schema(description = "18-digit NIP", examples = "198503122010012003") String nip,
        @Schema(description = "Full name", examples = "Siti Rahayu") String name,
        @Schema(description = "Training year (calendar year, Asia/Jakarta)", examples = "2026") int year,
        @Schema(description = "The unit the employee counts in that year: their unit on their last employed day of it",
                examples = "BKD-JATENG") String unitCode,
        @Schema(description = "Name of that unit; absent while the unit is unknown to reporting") String unitName,
        @Schema(description = "PNS, PPPK or PPPK_PARUH_WAKTU: the type in force on the last day in service in the year")
        String employmentType,
        @Schema(description = "Position level in force on the last day in service in the year") String positionLevel,
        @Schema(description = "First day in service within the year; absent when not in service in it")
        LocalDate servedFrom,
        @Schema(description = "Last day in service within the year (31 December while in service)")
        LocalDate servedUntil,
        @Schema(description = "Recognized JP in the year", examples = "24.00") BigDecimal totalJp,
        @Schema(description = "The total in hours: totalJp times the policy's minutes per JP, over 60")
        BigDecimal totalHours,
        @Schema(description = "The year's target for this employee (pro-rated when the policy says so); 0 when not in "
                + "service in the year") BigDecimal targetJp,
        @Schema(description = "The JP the policy's pacing expects by today (linear: the target pro-rated to today "
                + "within the employee's part of the year)")
        BigDecimal expectedJpToDate,
        @Schema(description = "COMPLIANT, ON_TRACK, AT_RISK, NOT_MET; EXEMPT when exempt on every day in service; "
                + "LEFT_SERVICE when service ended within the year and the policy excludes leavers; NOT_EMPLOYED when "
                + "not in service in the year")
        ComplianceStatus status,
        @Schema(description = "JP by competency type: TEKNIS, MANAJERIAL, SOSIAL_KULTURAL")
        Map<String, BigDecimal> jpByCompetencyType,
        @Schema(description = "JP by method: KLASIKAL, NONKLASIKAL") Map<String, BigDecimal> jpByMethod,
        @Schema(description = "JP by delivery mode: LURING, DARING, BLENDED") Map<String, BigDecimal> jpByDeliveryMode,
        @Schema(description = "Completions counted in the year (voided ones are not)", examples = "3")
        int completionCount,
        @Schema(description = "End date of the latest completion counted; absent without completions")
        LocalDate lastCompletionDate,
        @Schema(description = "The completions counted, latest first") List<CountedCompletion> completions,
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf,
        @Schema(description = "The unit whose subtree policy rated the year (the nearest ancestor-or-self of the "
                + "year's unit with one); absent when the national policy (or the defaults) did, or when not rated",
                examples = "PEMPROV-DKI") String policyUnitCode,
        @Schema(description = "The version of the policy that rated the year; 0 for the defaults; absent when not "
                + "rated") Long policyVersion,
        @Schema(description = "The policy's ceiling of JP per contract year for the employee's type (PPPK: 24, PP "
                + "49/2018 Pasal 39); absent without one") BigDecimal capJp,
        @Schema(description = "First day of the contract year judged against the cap: the one ending within the "
                + "calendar year (contract years run from employedFrom, the TMT); absent without a cap or when none "
                + "ends in the year") LocalDate contractYearFrom,
        @Schema(description = "Last day of that contract year") LocalDate contractYearUntil,
        @Schema(description = "JP of the completions ending within that contract year") BigDecimal contractYearJp,
        @Schema(description = "contractYearJp above capJp (0 at or below it); these JP still count in totalJp and "
                + "the status") BigDecimal jpAboveCap,
        @Schema(description = "Days in service in the year covered by exemption periods (each day once); they are "
                + "taken out of the days in service before the target is pro-rated", examples = "90") int exemptDays,
        @Schema(description = "The exemption periods overlapping the employee's part of the year, oldest first")
        List<Exemption> exemptions,
        @Schema(description = "Why the employee left service, in the year they left in; absent otherwise")
        String leavingReason,
        @Schema(description = "True when these are a closing's figures (the year's snapshot), false when live")
        boolean closed,
        @Schema(description = "The standing closing of the year: the one the figures come from when closed; named "
                + "beside live figures too (view=live); absent when the year is not closed") ClosingMark closing,
        @Schema(description = "JP of completions waiting for verification: active, not rejected, and not counted "
                + "under the year's counting policy (VERIFIED_ONLY: the SUBMITTED and AUTO_VERIFIED; "
                + "VERIFIED_OR_TRUSTED: the SUBMITTED); shown beside totalJp, never counted; absent when none")
        BigDecimal pendingJp,
        @Schema(description = "JP of active completions not rejected that are flagged POSSIBLE_DUPLICATE, counted or "
                + "pending; absent when none") BigDecimal flaggedJp) {

    /** Live figures, before any closing is looked up. */
    public EmployeeComplianceResponse(String nip, String name, int year, String unitCode, String unitName,
            String employmentType, String positionLevel, LocalDate servedFrom, LocalDate servedUntil,
            BigDecimal totalJp, BigDecimal totalHours, BigDecimal targetJp, BigDecimal expectedJpToDate,
            ComplianceStatus status, Map<String, BigDecimal> jpByCompetencyType, Map<String, BigDecimal> jpByMethod,
            Map<String, BigDecimal> jpByDeliveryMode, int completionCount, LocalDate lastCompletionDate,
            List<CountedCompletion> completions, Instant asOf, String policyUnitCode, Long policyVersion,
            BigDecimal capJp, LocalDate contractYearFrom, LocalDate contractYearUntil, BigDecimal contractYearJp,
            BigDecimal jpAboveCap, int exemptDays, List<Exemption> exemptions, String leavingReason) {
        this(nip, name, year, unitCode, unitName, employmentType, positionLevel, servedFrom, servedUntil, totalJp,
                totalHours, targetJp, expectedJpToDate, status, jpByCompetencyType, jpByMethod, jpByDeliveryMode,
                completionCount, lastCompletionDate, completions, asOf, policyUnitCode, policyVersion, capJp,
                contractYearFrom, contractYearUntil, contractYearJp, jpAboveCap, exemptDays, exemptions, leavingReason,
                false, null, null, null);
    }

    /** The same figures, marked closed or live and naming the year's standing closing. */
    public EmployeeComplianceResponse marked(boolean closed, ClosingMark closing) {
        return new EmployeeComplianceResponse(nip, name, year, unitCode, unitName, employmentType, positionLevel,
                servedFrom, servedUntil, totalJp, totalHours, targetJp, expectedJpToDate, status, jpByCompetencyType,
                jpByMethod, jpByDeliveryMode, completionCount, lastCompletionDate, completions, asOf, policyUnitCode,
                policyVersion, capJp, contractYearFrom, contractYearUntil, contractYearJp, jpAboveCap, exemptDays,
                exemptions, leavingReason, closed, closing, pendingJp, flaggedJp);
    }

    /**
     * The same figures with the JP pending verification and the JP flagged as possible duplicates beside the counted
     * ones; zero is shown as absent (so a closing made before these existed still compares equal when re-verified).
     */
    public EmployeeComplianceResponse besideCounted(BigDecimal pending, BigDecimal flagged) {
        return new EmployeeComplianceResponse(nip, name, year, unitCode, unitName, employmentType, positionLevel,
                servedFrom, servedUntil, totalJp, totalHours, targetJp, expectedJpToDate, status, jpByCompetencyType,
                jpByMethod, jpByDeliveryMode, completionCount, lastCompletionDate, completions, asOf, policyUnitCode,
                policyVersion, capJp, contractYearFrom, contractYearUntil, contractYearJp, jpAboveCap, exemptDays,
                exemptions, leavingReason, closed, closing, nonZero(pending), nonZero(flagged));
    }

    /** {@code jp}, or null when it is absent or zero. */
    public static BigDecimal nonZero(BigDecimal jp) {
        return jp == null || jp.signum() == 0 ? null : jp;
    }

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /**
     * The answer for an employee rated in {@code r}'s year: written once, for the compliance API and for the snapshot
     * of a year's closing, which must answer alike.
     *
     * @param employee   the employee's row (their start of service and exemption periods)
     * @param exemptions every exemption period of the employee
     * @param counted    the completions counted in the year, latest first
     */
    public static EmployeeComplianceResponse rated(RatedEmployee r, Employee employee,
            List<ExemptionPeriod> exemptions, List<CountedCompletion> counted, Instant asOf) {
        int year = r.year();
        ContractYear contract = r.capJp() == null || employee.employedFrom == null ? null
                : ContractYear.endingIn(employee.employedFrom, year);
        // The projector keeps the contract year's JP on the row; the rating judges it against the cap.
        BigDecimal contractJp = contract == null ? null : r.contractYearJp();
        return new EmployeeComplianceResponse(r.nip(), r.name(), year, r.unitCode(), r.unitName(),
                r.employmentType(), r.positionLevel(), r.windowFrom(), r.windowUntil(), r.totalJp(),
                hours(r.totalJp(), year), r.targetJp(), r.expectedJpToDate(), r.status(),
                byCompetencyType(r.jpTeknis(), r.jpManajerial(), r.jpSosialKultural()),
                byMethod(r.jpKlasikal(), r.jpNonklasikal()), byDeliveryMode(r.jpLuring(), r.jpDaring(), r.jpBlended()),
                r.completionCount(), r.lastCompletionDate(), counted, asOf, r.policyUnitCode(),
                r.policyVersion(), r.capJp(), contract == null ? null : contract.from(),
                contract == null ? null : contract.until(), contractJp,
                r.capJp() == null ? null : r.jpAboveCap() == null ? BigDecimal.ZERO : r.jpAboveCap(),
                r.exemptDays(), Exemption.overlapping(exemptions, r.windowFrom(), r.windowUntil()), r.leavingReason())
                .besideCounted(r.pendingJp(), r.flaggedJp());
    }

    /** {@code jp} in hours: times the year's minutes per JP, over 60. */
    public static BigDecimal hours(BigDecimal jp, int year) {
        return jp.multiply(BigDecimal.valueOf(TrainingCalendar.minutesPerJp(year)))
                .divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    public static Map<String, BigDecimal> byCompetencyType(BigDecimal teknis, BigDecimal manajerial,
            BigDecimal sosialKultural) {
        Map<String, BigDecimal> jp = new LinkedHashMap<>();
        jp.put("TEKNIS", teknis);
        jp.put("MANAJERIAL", manajerial);
        jp.put("SOSIAL_KULTURAL", sosialKultural);
        return jp;
    }

    public static Map<String, BigDecimal> byMethod(BigDecimal klasikal, BigDecimal nonklasikal) {
        Map<String, BigDecimal> jp = new LinkedHashMap<>();
        jp.put("KLASIKAL", klasikal);
        jp.put("NONKLASIKAL", nonklasikal);
        return jp;
    }

    public static Map<String, BigDecimal> byDeliveryMode(BigDecimal luring, BigDecimal daring, BigDecimal blended) {
        Map<String, BigDecimal> jp = new LinkedHashMap<>();
        jp.put("LURING", luring);
        jp.put("DARING", daring);
        jp.put("BLENDED", blended);
        return jp;
    }

    /** An exemption period as granted. */
    @Schema(name = "EmployeeExemption", description = "A period in which the employee is not judged")
    public record Exemption(
            @Schema(description = "TUGAS_BELAJAR, CLTN, CUTI_BESAR, CUTI_MELAHIRKAN, CUTI_SAKIT_PANJANG, "
                    + "PEMBERHENTIAN_SEMENTARA, DIPERBANTUKAN or DIPEKERJAKAN") String kind,
            @Schema(description = "The kind's Indonesian label", examples = "Tugas belajar") String label,
            @Schema(description = "First day exempt") LocalDate from,
            @Schema(description = "Last day exempt; absent while open-ended") LocalDate until,
            @Schema(description = "Number of the decision (SK) granting it") String reference) {

        /** The periods overlapping the days from {@code from} through {@code until}, oldest first. */
        public static List<Exemption> overlapping(List<ExemptionPeriod> periods, LocalDate from, LocalDate until) {
            return periods.stream()
                    .filter(e -> !e.from().isAfter(until) && (e.until() == null || !e.until().isBefore(from)))
                    .sorted(Comparator.comparing(ExemptionPeriod::from))
                    .map(e -> new Exemption(e.kind().name(), e.kind().label(), e.from(), e.until(), e.reference()))
                    .toList();
        }
    }

    /** One completion counted in the year. */
    @Schema(name = "CountedCompletion", description = "A completion that counts in the year")
    public record CountedCompletion(
            @Schema(description = "Id given by training-service") java.util.UUID completionId,
            @Schema(description = "Name of the training") String title,
            @Schema(description = "National training kind id (1-25)") int kindId,
            @Schema(description = "KLASIKAL or NONKLASIKAL") String method,
            @Schema(description = "TEKNIS, MANAJERIAL or SOSIAL_KULTURAL") String competencyType,
            @Schema(description = "LURING, DARING or BLENDED") String deliveryMode,
            @Schema(description = "Organising institution") String provider,
            @Schema(description = "First day") LocalDate startDate,
            @Schema(description = "Last day; decides the year") LocalDate endDate,
            @Schema(description = "JP recognized") BigDecimal recognizedJp) {

        public static CountedCompletion of(CompletionFact fact) {
            return new CountedCompletion(fact.completionId, fact.title, fact.kindId, name(fact.method),
                    name(fact.competencyType), name(fact.deliveryMode), fact.provider, fact.startDate, fact.endDate,
                    fact.recognizedJp);
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }
    }
}
