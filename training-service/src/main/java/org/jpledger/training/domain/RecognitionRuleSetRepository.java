package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Versions of the recognition rule table; the highest version applies to new records. */
@ApplicationScoped
public class RecognitionRuleSetRepository implements PanacheRepositoryBase<RecognitionRuleSet, Integer> {

    // A version never changes once stored, so its rules can be kept; only "which version is current" is asked each time.
    private final Map<Integer, RecognitionRules> rulesByVersion = new ConcurrentHashMap<>();

    public RecognitionRuleSet current() {
        return find("order by version desc").firstResult();
    }

    /** The rules of the current version: one small query, the rules themselves from memory after the first use. */
    public RecognitionRules currentRules() {
        int version = ((Number) getEntityManager().createQuery("select max(r.version) from RecognitionRuleSet r")
                .getSingleResult()).intValue();
        return rulesByVersion.computeIfAbsent(version, v -> findById(v).rules());
    }

    public Optional<RecognitionRuleSet> byVersion(int version) {
        return findByIdOptional(version);
    }
}
