package org.jpledger.support.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audited request acted on, filled in by the resource as it learns it (the completion's NIP, the new id, an
 * import's counts); written to the audit log with the outcome once the response is known.
 */
@RequestScoped
public class AuditTrail {

    private String unit;
    private String nip;
    private String id;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public AuditTrail unit(String unitCode) {
        this.unit = unitCode;
        return this;
    }

    public AuditTrail nip(String nip) {
        this.nip = nip;
        return this;
    }

    public AuditTrail id(String id) {
        this.id = id;
        return this;
    }

    public AuditTrail detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    String unit() {
        return unit;
    }

    String nip() {
        return nip;
    }

    String id() {
        return id;
    }

    Map<String, Object> details() {
        return details;
    }
}
