package org.jpledger.training.xapi.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/** The activities' canonical definitions, per system: by key, and locked while a request updates them. */
@ApplicationScoped
public class XapiActivityRepository implements PanacheRepositoryBase<XapiActivity, String> {

    /** The row key of {@code system}'s definition of {@code activityId}: the hex SHA-256 of both. */
    public static String key(String system, String activityId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(system.getBytes(StandardCharsets.UTF_8));
            // NUL never occurs in a stored system name or IRI, so no two pairs share their bytes.
            digest.update((byte) 0);
            digest.update(activityId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * Serialises the updates of these definitions with any other transaction updating one of them (PostgreSQL advisory
     * locks in key order, after the statement ids' locks, so that two requests cannot deadlock): each merge reads the
     * definition the one before it left.
     */
    public void lock(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String list = keys.stream().sorted().collect(Collectors.joining(","));
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, "
                + "7322)) from unnest(string_to_array(:keys, ',')) k order by k) locked")
                .setParameter("keys", list).getSingleResult();
    }

    /** The kept definitions among {@code keys}, by key. */
    public Map<String, XapiActivity> findByKeys(Collection<String> keys) {
        Map<String, XapiActivity> found = new HashMap<>();
        if (!keys.isEmpty()) {
            list("id in ?1", keys).forEach(a -> found.put(a.id, a));
        }
        return found;
    }
}
