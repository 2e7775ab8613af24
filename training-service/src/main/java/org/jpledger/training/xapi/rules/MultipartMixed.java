package org.jpledger.training.xapi.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * multipart/mixed bodies (RFC 2046) as xAPI sends statements with their attachments: the first part the statements, each
 * further part one attachment's content, named by its X-Experience-API-Hash. Reads a whole body; writes one whole or
 * part by part.
 */
public final class MultipartMixed {

    private static final byte[] CRLF = {'\r', '\n'};

    private MultipartMixed() {
    }

    /** One part: its headers (names in lower case) and its content. */
    public record Part(Map<String, String> headers, byte[] content) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The boundary named by a multipart Content-Type header; refuses (400) one that names none. */
    public static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("boundary")) {
                String value = pair[1].trim();
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty() && value.length() <= 70) {
                    return value;
                }
            }
        }
        throw InvalidRequestException.of("Content-Type", "a multipart/mixed body needs a boundary parameter");
    }

    /** The parts of {@code body}; refuses (400) a body that is not well-formed multipart. */
    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at;
        if (startsWith(body, 0, delimiter)) {
            at = delimiter.length;
        } else {
            // After a preamble, which may be empty: a body may start with CRLF and then the first delimiter.
            int found = indexOf(body, join(CRLF, delimiter), 0);
            if (found < 0) {
                throw malformed("no part starts with the boundary");
            }
            at = found + CRLF.length + delimiter.length;
        }
        List<Part> parts = new ArrayList<>();
        byte[] next = join(CRLF, delimiter);
        while (true) {
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return parts;
            }
            at = skipLineEnd(body, at);
            int end = indexOf(body, next, at);
            if (end < 0) {
                throw malformed("the body ends without the closing boundary");
            }
            parts.add(part(Arrays.copyOfRange(body, at, end)));
            at = end + next.length;
        }
    }

    /** A multipart/mixed body of {@code parts} with {@code boundary}. */
    public static byte[] write(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Part part : parts) {
                writePart(out, boundary, part);
            }
            writeEnd(out, boundary);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code part} of a multipart/mixed body with {@code boundary}, so that a long body need not be held whole. */
    public static void writePart(OutputStream out, String boundary, Part part) throws IOException {
        out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, String> header : part.headers().entrySet()) {
            out.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(CRLF);
        out.write(part.content());
        out.write(CRLF);
    }

    /** Writes the delimiter that ends a multipart/mixed body with {@code boundary}, after its last part. */
    public static void writeEnd(OutputStream out, String boundary) throws IOException {
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, join(CRLF, CRLF), 0);
        int headerEnd = split;
        int contentStart = split + 4;
        if (startsWith(raw, 0, CRLF)) {
            // no headers at all
            headerEnd = 0;
            contentStart = 2;
        } else if (split < 0) {
            throw malformed("a part has no blank line after its headers");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line : new String(raw, 0, headerEnd, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part header is not \"Name: value\"");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Part(headers, Arrays.copyOfRange(raw, contentStart, raw.length));
    }

    /** After a delimiter: optional transport padding, then the line end. */
    private static int skipLineEnd(byte[] body, int at) {
        while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
            at++;
        }
        if (!startsWith(body, at, CRLF)) {
            throw malformed("a boundary line does not end with CRLF");
        }
        return at + CRLF.length;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        for (int i = Math.max(from, 0); i + target.length <= body.length; i++) {
            if (startsWith(body, i, target)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static InvalidRequestException malformed(String why) {
        return InvalidRequestException.of("body", "not a multipart/mixed body: " + why);
    }
}
