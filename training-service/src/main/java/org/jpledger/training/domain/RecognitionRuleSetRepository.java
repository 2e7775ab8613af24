package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Versions of the recognition rule table, each in force for the completions that end in its period. */
@ApplicationScoped
public class RecognitionRuleSetRepository implements PanacheRepositoryBase<RecognitionRuleSet, Integer> {

    // A version's rules never change once stored, so they can be kept; only the versions' periods are read each time.
    private final Map<Integer, RecognitionRules> rulesByVersion = new ConcurrentHashMap<>();

    /** The latest version: the one a new version follows. */
    public RecognitionRuleSet latest() {
        return find("order by version desc").firstResult();
    }

    /**
     * Every version with its validity: one small query (the periods change when a version is added), the rules
     * themselves from memory after their first use.
     */
    public RecognitionRuleBook ruleBook() {
        List<Object[]> rows = getEntityManager().createQuery(
                "select r.version, r.validFrom, r.validUntil from RecognitionRuleSet r order by r.version", Object[].class)
                .getResultList();
        return new RecognitionRuleBook(rows.stream().map(row -> new RecognitionRuleBook.Period((LocalDate) row[1],
                (LocalDate) row[2], rulesOf((Integer) row[0]))).toList());
    }

    /** The versions, newest first, at most {@code limit}. */
    public List<RecognitionRuleSet> newestFirst(int limit) {
        return find("order by version desc").page(0, limit).list();
    }

    /** The version in force on {@code date}, if any. */
    public Optional<RecognitionRuleSet> inForceOn(LocalDate date) {
        return find("validFrom <= ?1 and (validUntil is null or validUntil >= ?1)", date).firstResultOptional();
    }

    private RecognitionRules rulesOf(int version) {
        return rulesByVersion.computeIfAbsent(version, v -> findById(v).rules());
    }

    public Optional<RecognitionRuleSet> byVersion(int version) {
        return findByIdOptional(version);
    }
}
