package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** How fresh the projections are: the {@code asOf} every compliance answer carries. */
@ApplicationScoped
public class Freshness {

    private final EntityManager entityManager;

    public Freshness(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** When the projections last moved forward; null before the first event. */
    public Instant asOf() {
        Object value = entityManager.createNativeQuery("SELECT max(updated_at) FROM consumer_offset").getSingleResult();
        return value == null ? null : value instanceof Instant instant ? instant
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
