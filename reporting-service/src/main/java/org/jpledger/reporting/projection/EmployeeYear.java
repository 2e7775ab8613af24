package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * One employee in one training year: the part of the year in service and the part of it exempt, the unit, type and
 * level they count with, why they left (in the year they did), and the sums of the year's active completions that are
 * not rejected (by verification state too, so that the rating counts by the year's counting policy). Derived from the
 * employee and completion facts by {@link ComplianceProjector}.
 */
@Entity
@Table(name = "employee_year")
@IdClass(EmployeeYear.Key.class)
public class EmployeeYear {

    @Id
    public String nip;

    @Id
    public int year;

    @Column(name = "unit_code")
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type")
    public EmploymentType employmentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_level")
    public PositionLevel positionLevel;

    @Column(name = "window_from")
    public LocalDate windowFrom;

    @Column(name = "window_until")
    public LocalDate windowUntil;

    @Column(name = "total_jp", nullable = false)
    public BigDecimal totalJp;

    @Column(name = "jp_teknis", nullable = false)
    public BigDecimal jpTeknis;

    @Column(name = "jp_manajerial", nullable = false)
    public BigDecimal jpManajerial;

    @Column(name = "jp_sosial_kultural", nullable = false)
    public BigDecimal jpSosialKultural;

    @Column(name = "jp_klasikal", nullable = false)
    public BigDecimal jpKlasikal;

    @Column(name = "jp_nonklasikal", nullable = false)
    public BigDecimal jpNonklasikal;

    @Column(name = "jp_luring", nullable = false)
    public BigDecimal jpLuring;

    @Column(name = "jp_daring", nullable = false)
    public BigDecimal jpDaring;

    @Column(name = "jp_blended", nullable = false)
    public BigDecimal jpBlended;

    @Column(name = "completion_count", nullable = false)
    public int completionCount;

    @Column(name = "last_completion_date")
    public LocalDate lastCompletionDate;

    /** Days of the window covered by exemption periods; the rating takes them out of the days in service. */
    @Column(name = "exempt_days", nullable = false)
    public int exemptDays;

    /** First days of the exempt stretches of the window, disjoint and in order; null without any. */
    @Column(name = "exempt_from")
    public LocalDate[] exemptFrom;

    /** Last days of the same stretches. */
    @Column(name = "exempt_until")
    public LocalDate[] exemptUntil;

    /** Why the employee left, on the year they left in only. */
    @Enumerated(EnumType.STRING)
    @Column(name = "leaving_reason")
    public LeavingReason leavingReason;

    /**
     * JP of the active completions ending within the contract year that ends in this year ({@link ContractYear}),
     * whatever their calendar year; null when none ends in it. The rating judges a cap against it.
     */
    @Column(name = "contract_year_jp")
    public BigDecimal contractYearJp;

    /** JP of the year's VERIFIED completions (part of {@code totalJp}); what VERIFIED_ONLY counts (V20). */
    @Column(name = "verified_jp", nullable = false)
    public BigDecimal verifiedJp = BigDecimal.ZERO;

    /** JP of the year's AUTO_VERIFIED completions (part of {@code totalJp}); VERIFIED_OR_TRUSTED adds them (V20). */
    @Column(name = "trusted_jp", nullable = false)
    public BigDecimal trustedJp = BigDecimal.ZERO;

    /** JP of the year's completions flagged POSSIBLE_DUPLICATE (not rejected), shown beside the counted JP (V20). */
    @Column(name = "flagged_jp", nullable = false)
    public BigDecimal flaggedJp = BigDecimal.ZERO;

    /** The part of {@code contractYearJp} that is VERIFIED; null when that is (V20). */
    @Column(name = "contract_year_verified_jp")
    public BigDecimal contractYearVerifiedJp;

    /** The part of {@code contractYearJp} that is AUTO_VERIFIED; null when that is (V20). */
    @Column(name = "contract_year_trusted_jp")
    public BigDecimal contractYearTrustedJp;

    /** Primary key: one row per employee and year. */
    public record Key(String nip, int year) implements Serializable {
    }
}
