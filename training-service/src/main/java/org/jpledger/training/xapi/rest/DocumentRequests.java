package org.jpledger.training.xapi.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.CappedInputStream;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.xapi.rules.DocumentKey;
import org.jpledger.training.xapi.rules.Documents;
import org.jpledger.training.xapi.store.DocumentService;

/**
 * What the three document resources share: reading their parameters and a document's bytes (bounded by
 * {@code jpledger.xapi.document-bytes}), and answering a document or an id list.
 */
@ApplicationScoped
public class DocumentRequests {

    private static final int MAX_CONTENT_TYPE = 255;

    private final DocumentService documents;
    private final XapiConfig config;

    public DocumentRequests(DocumentService documents, XapiConfig config) {
        this.documents = documents;
        this.config = config;
    }

    /** The request's key; {@code sinceAllowed} for a GET, whose id list takes {@code since}. */
    DocumentKey.Request read(DocumentKey.Kind kind, UriInfo uri, boolean sinceAllowed) {
        return DocumentKey.read(kind, uri.getQueryParameters(), sinceAllowed, config.documentIdLength());
    }

    /** PUT: stores the body under the key the parameters name. */
    Response put(DocumentKey.Kind kind, UriInfo uri, String contentType, String contentLength, String ifMatch,
            String ifNoneMatch, InputStream body) throws IOException {
        DocumentKey key = read(kind, uri, false).key().requireId();
        documents.put(key, content(contentLength, body), type(contentType),
                new DocumentService.Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /** POST: merges the body into the stored document, or stores it. */
    Response post(DocumentKey.Kind kind, UriInfo uri, String contentType, String contentLength, String ifMatch,
            String ifNoneMatch, InputStream body) throws IOException {
        DocumentKey key = read(kind, uri, false).key().requireId();
        documents.post(key, content(contentLength, body), type(contentType),
                new DocumentService.Preconditions(ifMatch, ifNoneMatch));
        return Response.noContent().build();
    }

    /** GET: the document with its id, or the id list (since filtering) when the parameters name none. */
    Response get(DocumentKey.Kind kind, UriInfo uri) {
        DocumentKey.Request request = read(kind, uri, true);
        if (request.key().documentId() == null) {
            return Response.ok(documents.ids(request.key(), request.since()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        DocumentService.Stored stored = documents.get(request.key())
                .orElseThrow(() -> new ResourceNotFoundException("No document under this key among yours."));
        return Response.ok(stored.content(), stored.contentType())
                .header(HttpHeaders.ETAG, stored.etag())
                .lastModified(Date.from(stored.updated()))
                .build();
    }

    /** DELETE: the document with its id; with {@code allWithoutId} (State) every document of the key when none. */
    Response delete(DocumentKey.Kind kind, UriInfo uri, String ifMatch, String ifNoneMatch, boolean allWithoutId) {
        DocumentKey key = read(kind, uri, false).key();
        if (key.documentId() == null && allWithoutId) {
            documents.deleteAll(key);
        } else {
            documents.delete(key.requireId(), new DocumentService.Preconditions(ifMatch, ifNoneMatch));
        }
        return Response.noContent().build();
    }

    /**
     * The document's bytes: a declared Content-Length over the cap is refused before any is read, and the bytes are
     * counted as they are read, for a body sent without one (chunked).
     */
    private byte[] content(String contentLength, InputStream body) throws IOException {
        long cap = config.documentBytes().asLongValue();
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > cap) {
                    throw tooLarge(cap);
                }
            } catch (NumberFormatException e) {
                // Vert.x has already refused a malformed Content-Length.
            }
        }
        if (body == null) {
            return new byte[0];
        }
        try (InputStream capped = new CappedInputStream(body, cap, () -> tooLarge(cap))) {
            return capped.readAllBytes();
        }
    }

    /** The document's media type as sent (application/octet-stream when none), kept to answer GET with. */
    private static String type(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Documents.OCTET_STREAM;
        }
        if (contentType.length() > MAX_CONTENT_TYPE) {
            throw InvalidRequestException.of(HttpHeaders.CONTENT_TYPE, "at most " + MAX_CONTENT_TYPE + " characters");
        }
        return contentType.trim();
    }

    private static PayloadTooLargeException tooLarge(long cap) {
        return new PayloadTooLargeException("The document is larger than the limit of " + cap
                + " bytes (jpledger.xapi.document-bytes); nothing changed.",
                List.of(new FieldError("document", "larger than " + cap + " bytes")));
    }
}
