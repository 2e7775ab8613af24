package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.PreconditionException;

/**
 * The rules of xAPI documents (State, Activity Profile, Agent Profile; IEEE 9274.1.1 Communication 2.2): what counts as
 * a JSON document, the entity tag of a document's content, and the merge a POST asks for.
 */
public final class Documents {

    /** The media type a document must have to take part in a merge. */
    public static final String JSON = "application/json";
    /** The media type of a document sent without one. */
    public static final String OCTET_STREAM = "application/octet-stream";

    // Duplicate keys are refused, as in statements: which of two values a merge should keep is not the LRS's guess.
    private static final ObjectMapper MAPPER = strict();

    private Documents() {
    }

    /** Whether {@code contentType} is application/json, whatever its parameters (charset). */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.toLowerCase(Locale.ROOT).equals(JSON);
    }

    /** The entity tag of {@code content}: its hex SHA-256, in quotes, as HTTP writes a strong tag. */
    public static String etag(byte[] content) {
        try {
            return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The document a POST leaves: {@code stored} with each top-level property of {@code sent} set to the sent value
     * (one level deep: a property holding an object is replaced whole, not merged into). Both must be JSON objects;
     * otherwise the request is refused (400), as Communication 2.2 says, naming which of the two is not.
     */
    public static byte[] merge(byte[] stored, byte[] sent) {
        ObjectNode base = object(stored, "the stored document is not a JSON object, so a POST cannot merge into it; "
                + "replace it with PUT");
        ObjectNode update = object(sent, "must be a JSON object to be merged into the stored one");
        base.setAll(update);
        try {
            return MAPPER.writeValueAsBytes(base);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON object could not be written back", e);
        }
    }

    /**
     * Refuses (400) a body sent as application/json that is not a JSON object: a POST's document must be one, whether
     * it is merged or stored new, so that it can be merged into later.
     */
    public static void requireObject(byte[] sent) {
        object(sent, "must be a JSON object when sent as application/json");
    }

    /**
     * Checks a write's preconditions (Communication 3.1) against {@code current}, the stored document's tag (null when
     * none is stored): If-Match must name it (or be *, with a document stored), If-None-Match must not (* means none
     * may be stored), else 412; and a PUT ({@code replacing}) over a stored document must carry one of the two, else
     * 409, so that no client overwrites a document it has not seen.
     */
    public static void checkPreconditions(String current, String ifMatch, String ifNoneMatch, boolean replacing) {
        if (ifMatch != null && (current == null || !names(ifMatch, current))) {
            throw PreconditionException.failed(current == null
                    ? "If-Match names a version, but no such document is stored."
                    : "If-Match does not name the stored document's ETag: it changed since you read it; read it "
                            + "again.");
        }
        if (ifNoneMatch != null && current != null && names(ifNoneMatch, current)) {
            throw PreconditionException.failed("If-None-Match: the document is stored already (and matches it); read "
                    + "it before changing it.");
        }
        if (replacing && ifMatch == null && ifNoneMatch == null && current != null) {
            throw new ConflictException("A document is stored under this key already. To replace it, send If-Match "
                    + "with its ETag (read it first); to create one only if none exists, send If-None-Match: *.");
        }
    }

    /** Whether a precondition header's list of entity tags (or *) names {@code etag}. */
    private static boolean names(String header, String etag) {
        for (String tag : header.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static ObjectNode object(byte[] content, String reason) {
        JsonNode node;
        try {
            node = MAPPER.readTree(content);
        } catch (IOException e) {
            throw InvalidRequestException.of("document", reason);
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("document", reason);
        }
        return (ObjectNode) node;
    }
}
