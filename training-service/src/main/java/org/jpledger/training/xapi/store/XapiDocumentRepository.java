package org.jpledger.training.xapi.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jpledger.training.xapi.rules.DocumentKey;

/** xAPI documents by system and key, the id lists of a scope, and how many a scope holds. */
@ApplicationScoped
public class XapiDocumentRepository implements PanacheRepositoryBase<XapiDocument, Long> {

    private static final String KEY = "system = ?1 and kind = ?2 and activityId = ?3 and agent = ?4 "
            + "and registration = ?5";

    /** The document of {@code system} under {@code key}; locked for the transaction when {@code forWrite}. */
    public Optional<XapiDocument> find(String system, DocumentKey key, boolean forWrite) {
        var query = find(KEY + " and documentId = ?6", system, key.kind(), key.activityId(), key.agent(),
                key.registration(), key.documentId());
        if (forWrite) {
            // Two writes of one document in turn: each checks its If-Match against what the other left.
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    /**
     * The ids of {@code system}'s documents under {@code key} (its document id aside) changed after {@code since}
     * (all when null), oldest change first, at most {@code limit}.
     */
    public List<String> ids(String system, DocumentKey key, Instant since, int limit) {
        return getEntityManager().createQuery("select d.documentId from XapiDocument d where d.system = ?1 "
                        + "and d.kind = ?2 and d.activityId = ?3 and d.agent = ?4 and d.registration = ?5 "
                        + "and d.updated > ?6 order by d.updated, d.id", String.class)
                .setParameter(1, system).setParameter(2, key.kind()).setParameter(3, key.activityId())
                .setParameter(4, key.agent()).setParameter(5, key.registration())
                .setParameter(6, since == null ? Instant.EPOCH : since)
                .setMaxResults(limit).getResultList();
    }

    /** How many documents {@code system} keeps in the scope of {@code key}: its activity and agent. */
    public long countInScope(String system, DocumentKey key) {
        // A State's registrations share one scope: the limit is per agent and activity, as documented.
        return count("system = ?1 and kind = ?2 and activityId = ?3 and agent = ?4", system, key.kind(),
                key.activityId(), key.agent());
    }

    /**
     * Waits, until the transaction ends, for other creations in the scope of {@code key}, so that two documents
     * created at once cannot both pass the scope's limit.
     */
    public void lockScope(String system, DocumentKey key) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                .setParameter("scope", String.join("\n", "xapi_document", system, key.kind().name(), key.activityId(),
                        key.agent()))
                .getSingleResult();
    }

    /** Deletes {@code system}'s documents under {@code key} whatever their document id; answers how many. */
    public long deleteAll(String system, DocumentKey key) {
        return delete(KEY, system, key.kind(), key.activityId(), key.agent(), key.registration());
    }
}
