package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The columns a stored policy has, national ({@link Policy}) or of a unit's subtree ({@link UnitPolicy}). */
@MappedSuperclass
public abstract class PolicyFields {

    @Column(name = "target_jp", nullable = false)
    public BigDecimal targetJp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_by_employment_type", nullable = false)
    public Map<String, BigDecimal> targetByEmploymentType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_by_position_level", nullable = false)
    public Map<String, BigDecimal> targetByPositionLevel;

    @Column(name = "minutes_per_jp", nullable = false)
    public int minutesPerJp;

    @Column(nullable = false)
    public boolean prorate;

    @Column(name = "target_hours")
    public BigDecimal targetHours;

    @Column(nullable = false)
    public String pacing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "quarter_fractions")
    public List<BigDecimal> quarterFractions;

    @Column(name = "at_risk_from_month")
    public Integer atRiskFromMonth;

    @Column(nullable = false)
    public String leavers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cap_by_employment_type", nullable = false)
    public Map<String, BigDecimal> capByEmploymentType;

    /** Which verification states count: a {@code CountingPolicy} name (V20). */
    @Column(nullable = false)
    public String counting = "ALL";

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
