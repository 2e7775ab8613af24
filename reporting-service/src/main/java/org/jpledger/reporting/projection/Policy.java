package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The compliance policy of one training year, as last stored through the policy API. */
@Entity
@Table(name = "policy")
public class Policy {

    @Id
    public int year;

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

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
