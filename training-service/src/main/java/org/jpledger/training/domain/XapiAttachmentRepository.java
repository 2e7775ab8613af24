package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Attachment content by SHA-2. */
@ApplicationScoped
public class XapiAttachmentRepository implements PanacheRepositoryBase<XapiAttachment, String> {

    /** Those of {@code hashes} whose content is kept. */
    public List<XapiAttachment> findByHashes(Collection<String> hashes) {
        return hashes.isEmpty() ? List.of() : list("sha2 in ?1", hashes);
    }

    /** Keeps {@code attachment} unless content with its hash is kept already (then it is the same content). */
    public void keep(XapiAttachment attachment) {
        getEntityManager().createNativeQuery("insert into xapi_attachment (sha2, content_type, content, stored) "
                        + "values (:sha2, :type, :content, :stored) on conflict (sha2) do nothing")
                .setParameter("sha2", attachment.sha2).setParameter("type", attachment.contentType)
                .setParameter("content", attachment.content).setParameter("stored", attachment.stored)
                .executeUpdate();
    }
}
