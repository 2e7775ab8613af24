package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.training.domain.RecognitionRuleSet;
import org.jpledger.training.domain.RecognitionRuleSetRepository;

/** Reads and replaces the recognition rule table; a replacement is a new version and applies to future records only. */
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

    @Transactional
    public RecognitionRulesVersion current() {
        return RecognitionRulesVersion.of(rules.current());
    }

    @Transactional
    public RecognitionRulesVersion version(int version) {
        return rules.byVersion(version).map(RecognitionRulesVersion::of)
                .orElseThrow(() -> new ResourceNotFoundException("no recognition rule table version " + version));
    }

    /** Stores the table as the next version, created by the calling token's subject. */
    @Transactional
    public RecognitionRulesVersion replace(RecognitionRulesTable request) {
        Set<Integer> kinds = new HashSet<>();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < request.dayRates().size(); i++) {
            if (!kinds.add(request.dayRates().get(i).kindId())) {
                errors.add("dayRates[" + i + "].kindId", "kind " + request.dayRates().get(i).kindId() + " is listed twice");
            }
        }
        errors.throwIfAny();
        RecognitionRuleSet set = new RecognitionRuleSet();
        // The table lock makes two concurrent replacements get consecutive versions instead of one failing.
        rules.getEntityManager().createNativeQuery("LOCK TABLE recognition_rule_set IN EXCLUSIVE MODE").executeUpdate();
        set.version = rules.current().version + 1;
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
