package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Versions of the recognition rule table; the highest version applies to new records. */
@ApplicationScoped
public class RecognitionRuleSetRepository implements PanacheRepositoryBase<RecognitionRuleSet, Integer> {

    public RecognitionRuleSet current() {
        return find("order by version desc").firstResult();
    }

    public Optional<RecognitionRuleSet> byVersion(int version) {
        return findByIdOptional(version);
    }
}
