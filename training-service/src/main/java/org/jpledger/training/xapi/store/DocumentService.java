package org.jpledger.training.xapi.store;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.security.Caller;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.xapi.rules.DocumentKey;
import org.jpledger.training.xapi.rules.Documents;

/**
 * The use cases of the xAPI document resources (State, Activity Profile, Agent Profile): store, merge, read, list and
 * delete a system's documents, under the concurrency rules of Communication 3.1. Every document belongs to the calling
 * system ({@link Caller#system()}, as its statements do): no system reads or changes another's.
 */
@ApplicationScoped
public class DocumentService {

    private final XapiDocumentRepository documents;
    private final XapiConfig config;
    private final Caller caller;

    public DocumentService(XapiDocumentRepository documents, XapiConfig config, Caller caller) {
        this.documents = documents;
        this.config = config;
        this.caller = caller;
    }

    /** A stored document as GET answers it. */
    public record Stored(byte[] content, String contentType, String etag, Instant updated) {
    }

    /** The If-Match and If-None-Match headers of a write, each null when not sent. */
    public record Preconditions(String ifMatch, String ifNoneMatch) {
    }

    /** The caller's document under {@code key}. */
    @Transactional
    public Optional<Stored> get(DocumentKey key) {
        return documents.find(caller.system(), key, false)
                .map(d -> new Stored(d.content, d.contentType, d.etag, d.updated));
    }

    /**
     * The ids of the caller's documents under {@code key} (its document id aside) changed after {@code since}; at most
     * as many as a scope may hold.
     */
    @Transactional
    public List<String> ids(DocumentKey key, Instant since) {
        return documents.ids(caller.system(), key, since, config.documentsPerScope());
    }

    /** Stores {@code content} under {@code key}, replacing what is stored (PUT). */
    @Transactional
    public void put(DocumentKey key, byte[] content, String contentType, Preconditions preconditions) {
        Optional<XapiDocument> stored = documents.find(caller.system(), key, true);
        Documents.checkPreconditions(stored.map(d -> d.etag).orElse(null), preconditions.ifMatch(),
                preconditions.ifNoneMatch(), true);
        write(key, stored, content, contentType);
    }

    /**
     * Merges {@code content} into the stored JSON object one level deep, or stores it when none is stored (POST); both
     * must be JSON objects (400).
     */
    @Transactional
    public void post(DocumentKey key, byte[] content, String contentType, Preconditions preconditions) {
        Optional<XapiDocument> stored = documents.find(caller.system(), key, true);
        Documents.checkPreconditions(stored.map(d -> d.etag).orElse(null), preconditions.ifMatch(),
                preconditions.ifNoneMatch(), false);
        if (Documents.isJson(contentType)) {
            Documents.requireObject(content);
        }
        if (stored.isEmpty()) {
            write(key, stored, content, contentType);
            return;
        }
        XapiDocument document = stored.get();
        if (!Documents.isJson(document.contentType) || !Documents.isJson(contentType)) {
            throw InvalidRequestException.of("Content-Type", "a POST merges JSON objects: "
                    + "the stored document and the one sent must both be application/json (the stored one is "
                    + document.contentType + "); replace it with PUT instead");
        }
        write(key, stored, Documents.merge(document.content, content), Documents.JSON);
    }

    /** Deletes the caller's document under {@code key}; nothing to delete is no failure (204 either way). */
    @Transactional
    public void delete(DocumentKey key, Preconditions preconditions) {
        Optional<XapiDocument> stored = documents.find(caller.system(), key, true);
        Documents.checkPreconditions(stored.map(d -> d.etag).orElse(null), preconditions.ifMatch(),
                preconditions.ifNoneMatch(), false);
        stored.ifPresent(documents::delete);
    }

    /** Deletes every document of the caller under {@code key}, whatever its id (a State DELETE without stateId). */
    @Transactional
    public long deleteAll(DocumentKey key) {
        long deleted = documents.deleteAll(caller.system(), key);
        Log.debugf("deleted %d %s documents", deleted, key.kind());
        return deleted;
    }

    private void write(DocumentKey key, Optional<XapiDocument> stored, byte[] content, String contentType) {
        long cap = config.documentBytes().asLongValue();
        if (content.length > cap) {
            // A merge can grow a document past the cap that each of its parts kept to.
            throw new PayloadTooLargeException("The document would hold more than " + cap + " bytes; nothing changed.",
                    List.of(new FieldError("document", "larger than " + cap + " bytes")));
        }
        XapiDocument document = stored.orElse(null);
        if (document == null) {
            String system = caller.system();
            documents.lockScope(system, key);
            if (documents.countInScope(system, key) >= config.documentsPerScope()) {
                throw new PayloadTooLargeException("This scope holds " + config.documentsPerScope() + " documents "
                        + "already, as many as it may (jpledger.xapi.documents-per-scope); delete some first.",
                        List.of(new FieldError(key.kind().idParameter(), "no room for another document here")));
            }
            document = new XapiDocument();
            document.system = system;
            document.kind = key.kind();
            document.activityId = key.activityId();
            document.agent = key.agent();
            document.registration = key.registration();
            document.documentId = key.documentId();
        }
        document.content = content;
        document.contentType = contentType;
        document.etag = Documents.etag(content);
        // The database keeps microseconds: the time answered is the time stored.
        document.updated = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (document.id == null) {
            documents.persist(document);
        }
    }
}
