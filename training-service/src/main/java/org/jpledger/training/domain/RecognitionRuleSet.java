package org.jpledger.training.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stored version of the recognition rule table; its rules never change, a replacement is a new version. Only its
 * validity ends: the next version sets {@code validUntil} to the day before its own {@code validFrom}.
 */
@Entity
@Table(name = "recognition_rule_set")
public class RecognitionRuleSet {

    @Id
    public int version;

    @Column(name = "international_factor", nullable = false)
    public BigDecimal internationalFactor;

    /** The first training (end) date this version recognises. */
    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** The last training (end) date this version recognises, inclusive; null while no end is set. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognition_day_rate", joinColumns = @JoinColumn(name = "version"))
    public List<DayRate> dayRates = new ArrayList<>();

    /** JP per day for one kind counted by days. */
    @Embeddable
    public static class DayRate {

        @Column(name = "kind_id", nullable = false)
        public int kindId;

        @Column(name = "jp_per_day", nullable = false)
        public BigDecimal jpPerDay;

        @Column(name = "jp_per_day_international", nullable = false)
        public BigDecimal jpPerDayInternational;
    }

    /** The rules as the pure recognition logic takes them. */
    public RecognitionRules rules() {
        Map<Integer, RecognitionRules.DayRate> rates = dayRates.stream().collect(Collectors.toMap(r -> r.kindId,
                r -> new RecognitionRules.DayRate(r.jpPerDay, r.jpPerDayInternational)));
        return new RecognitionRules(version, internationalFactor, rates);
    }
}
