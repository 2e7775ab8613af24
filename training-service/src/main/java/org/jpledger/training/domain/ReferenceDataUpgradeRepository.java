package org.jpledger.training.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Which reference data upgrades of the stored records are done (table {@code reference_data_upgrade}). */
@ApplicationScoped
public class ReferenceDataUpgradeRepository {

    private final EntityManager em;

    public ReferenceDataUpgradeRepository(EntityManager em) {
        this.em = em;
    }

    public boolean done(String name) {
        return !em.createNativeQuery("SELECT 1 FROM reference_data_upgrade WHERE name = ?1")
                .setParameter(1, name).getResultList().isEmpty();
    }

    /** Marks {@code name} done; a mark another instance wrote first stays. */
    public void markDone(String name, Instant at, long amended) {
        em.createNativeQuery("INSERT INTO reference_data_upgrade (name, completed_at, amended) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name).setParameter(2, at).setParameter(3, amended).executeUpdate();
    }

    /** Forgets {@code name}, so the next start runs it again (for tests of the upgrade itself). */
    public void forget(String name) {
        em.createNativeQuery("DELETE FROM reference_data_upgrade WHERE name = ?1").setParameter(1, name).executeUpdate();
    }
}
