package org.jpledger.training.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Certificate contents by hash. */
@ApplicationScoped
public class EvidenceBlobRepository implements PanacheRepositoryBase<EvidenceBlob, String> {

    /**
     * Keeps {@code blob} with {@code content} (null for a blob stored in the directory) unless content with its hash
     * is kept already (it is then the same content), safely against a concurrent upload of the same file; answers
     * whether this call kept it.
     */
    public boolean keep(EvidenceBlob blob, byte[] content) {
        // Two statements rather than a null parameter, whose SQL type the driver would have to guess.
        String columns = content == null ? "" : ", content";
        String values = content == null ? "" : ", :content";
        var insert = getEntityManager().createNativeQuery("insert into evidence_blob (sha256, content_type, size_bytes, "
                        + "stored_in, created_at" + columns + ") values (:sha256, :type, :size, :storedIn, :at" + values
                        + ") on conflict (sha256) do nothing")
                .setParameter("sha256", blob.sha256).setParameter("type", blob.contentType)
                .setParameter("size", blob.sizeBytes).setParameter("storedIn", blob.storedIn.name())
                .setParameter("at", blob.createdAt);
        if (content != null) {
            insert.setParameter("content", content);
        }
        return insert.executeUpdate() == 1;
    }

    /** Whether content with this hash is kept. */
    public boolean exists(String sha256) {
        return !getEntityManager().createNativeQuery("select 1 from evidence_blob where sha256 = :sha256")
                .setParameter("sha256", sha256).getResultList().isEmpty();
    }

    /** The bytes of a blob kept in the database, read only when asked for. */
    public Optional<byte[]> content(String sha256) {
        List<?> rows = getEntityManager().createNativeQuery("select content from evidence_blob where sha256 = :sha256")
                .setParameter("sha256", sha256).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((byte[]) rows.get(0));
    }

    /** Locks a kept blob, so that deleting it when unused cannot race an upload linking it again. */
    public Optional<EvidenceBlob> findForUpdate(String sha256) {
        return findByIdOptional(sha256, LockModeType.PESSIMISTIC_WRITE);
    }
}
