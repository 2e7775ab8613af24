package org.jpledger.training.xapi.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * Attachment content by SHA-2, kept once however many requests carry it, and which systems hold each: those whose own
 * statements carried it. Only their statements are answered with it, so that knowing a hash reaches nothing.
 */
@ApplicationScoped
public class XapiAttachmentRepository implements PanacheRepositoryBase<XapiAttachment, String> {

    /** A kept attachment without its content. */
    public record Kept(String sha2, String contentType) {
    }

    /** Those of {@code hashes} held by {@code system}, with their content type, in no particular order. */
    public List<Kept> keptFor(String system, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<?> rows = getEntityManager().createNativeQuery("select a.sha2, a.content_type from xapi_attachment a "
                        + "join xapi_attachment_holder h on h.sha2 = a.sha2 where h.system = :system and a.sha2 in (:hashes)")
                .setParameter("system", system).setParameter("hashes", hashes).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Kept((String) row[0], (String) row[1])).toList();
    }

    /** The content with {@code sha2}, or null when none is kept. */
    public byte[] content(String sha2) {
        List<?> rows = getEntityManager().createNativeQuery("select content from xapi_attachment where sha2 = :sha2")
                .setParameter("sha2", sha2).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /**
     * Keeps {@code attachment} unless content with its hash is kept already (then it is the same content), and records
     * that {@code system} holds it.
     */
    public void keep(XapiAttachment attachment, String system) {
        getEntityManager().createNativeQuery("insert into xapi_attachment (sha2, content_type, content, stored) "
                        + "values (:sha2, :type, :content, :stored) on conflict (sha2) do nothing")
                .setParameter("sha2", attachment.sha2).setParameter("type", attachment.contentType)
                .setParameter("content", attachment.content).setParameter("stored", attachment.stored)
                .executeUpdate();
        getEntityManager().createNativeQuery("insert into xapi_attachment_holder (sha2, system) values (:sha2, :system) "
                        + "on conflict do nothing")
                .setParameter("sha2", attachment.sha2).setParameter("system", system).executeUpdate();
    }
}
