package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.training.domain.RecognitionRuleSet;
import org.jpledger.training.domain.RecognitionRuleSetRepository;

/**
 * Reads and replaces the recognition rule table. A replacement is a new version in force from its validFrom, which
 * ends the latest version the day before; completions are recognised by the version in force on their end date.
 */
@ApplicationScoped
public class RecognitionRuleService {

    private final RecognitionRuleSetRepository rules;
    private final Clock clock;
    private final Caller caller;

    public RecognitionRuleService(RecognitionRuleSetRepository rules, Clock clock, Caller caller) {
        this.rules = rules;
        this.clock = clock;
        this.caller = caller;
    }

    /** The version in force on {@code date} (today in WIB when null). */
    @Transactional
    public RecognitionRulesVersion inForceOn(LocalDate date) {
        LocalDate on = date != null ? date : TrainingCalendar.today(clock);
        return rules.inForceOn(on).map(RecognitionRulesVersion::of)
                .orElseThrow(() -> new ResourceNotFoundException("no recognition rule table version is in force on " + on));
    }

    /** The versions, newest first, at most {@code limit}. */
    @Transactional
    public List<RecognitionRulesVersion> versions(int limit) {
        return rules.newestFirst(limit).stream().map(RecognitionRulesVersion::of).toList();
    }

    @Transactional
    public RecognitionRulesVersion version(int version) {
        return rules.byVersion(version).map(RecognitionRulesVersion::of)
                .orElseThrow(() -> new ResourceNotFoundException("no recognition rule table version " + version));
    }

    /**
     * Stores the table as the next version, created by the calling token's subject, and ends the latest version the
     * day before its validFrom. Rule history only grows forward: a validFrom not after the latest version's is refused.
     */
    @Transactional
    public RecognitionRulesVersion replace(RecognitionRulesTable request) {
        // The table lock makes two concurrent replacements get consecutive versions (and validity) instead of one
        // failing; taken first, so the latest version read for the checks stays the latest.
        rules.getEntityManager().createNativeQuery("LOCK TABLE recognition_rule_set IN EXCLUSIVE MODE").executeUpdate();
        RecognitionRuleSet latest = rules.latest();
        Set<Integer> kinds = new HashSet<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < request.dayRates().size(); i++) {
            if (!kinds.add(request.dayRates().get(i).kindId())) {
                errors.add("dayRates[" + i + "].kindId", "kind " + request.dayRates().get(i).kindId() + " is listed twice");
            }
        }
        RecordDates.check(errors, "validFrom", request.validFrom());
        RecordDates.check(errors, "validUntil", request.validUntil());
        if (!request.validFrom().isAfter(latest.validFrom)) {
            errors.add("validFrom", "must be after " + latest.validFrom + ", when the latest version " + latest.version
                    + " took effect: rule history only grows forward");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            errors.add("validUntil", "must not be before validFrom");
        }
        errors.throwIfAny();
        latest.validUntil = request.validFrom().minusDays(1);
        RecognitionRuleSet set = new RecognitionRuleSet();
        set.version = latest.version + 1;
        set.validFrom = request.validFrom();
        set.validUntil = request.validUntil();
        set.internationalFactor = request.internationalFactor();
        set.createdAt = clock.instant();
        set.createdBy = caller.subject();
        for (RecognitionRulesTable.DayRate rate : request.dayRates()) {
            RecognitionRuleSet.DayRate row = new RecognitionRuleSet.DayRate();
            row.kindId = rate.kindId();
            row.jpPerDay = rate.jpPerDay();
            row.jpPerDayInternational = rate.jpPerDayInternational();
            set.dayRates.add(row);
        }
        rules.persist(set);
        return RecognitionRulesVersion.of(set);
    }
}
