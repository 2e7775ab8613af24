package org.jpledger.training.rest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jpledger.training.xapi.rules.StatementAttachments;

/**
 * The bad-input corpus: malformed and hostile requests kept as data in {@code bad-input/*.json}, one file per endpoint
 * (see {@code bad-input/README.md} for the format), made concrete against a fixture's values.
 */
final class BadInputCorpus {

    private static final String DIRECTORY = "bad-input";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code ${name}}, or {@code ${repeat:text:count}} for long values that would bloat the corpus. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)(?::([^:}]*):(\\d+))?}");

    /** The boundary of the multipart bodies the corpus generates. */
    private static final String BOUNDARY = "corpus-boundary";
    private static final Pattern RAW_BYTE = Pattern.compile("\\\\x([0-9A-Fa-f]{2})");

    private static Map<String, Case> cases;

    private BadInputCorpus() {
    }

    /** Every case by its id ({@code file/name}), in file and corpus order. */
    static synchronized Map<String, Case> cases() {
        if (cases == null) {
            cases = load();
        }
        return cases;
    }

    /**
     * One request of the corpus and what it must be answered with.
     *
     * @param spec the case merged over its file's defaults
     * @param valid the valid bodies the case may start from, by name
     */
    record Case(String id, ObjectNode spec, ObjectNode valid) {

        String method() {
            return spec.path("method").asText();
        }

        String path() {
            return spec.path("path").asText();
        }

        /** Absent when the case sends no Content-Type at all. */
        String contentType() {
            return spec.path("contentType").isTextual() ? spec.get("contentType").asText() : null;
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            spec.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return headers;
        }

        /** The exact status of the answer. */
        int status() {
            return spec.path("status").asInt();
        }

        /** For a batch or an import: the status inside every item's problem (the answer itself is then 200). */
        Integer itemStatus() {
            return spec.hasNonNull("itemStatus") ? spec.get("itemStatus").asInt() : null;
        }

        /** Fields of which the problem's errors must name one; empty for none. */
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (spec.path("field").isArray()) {
                spec.get("field").forEach(field -> fields.add(field.asText()));
            } else if (spec.hasNonNull("field")) {
                fields.add(spec.get("field").asText());
            }
            return fields;
        }

        /** Words the problem must say, in its detail or in the reason of one of its errors; or null. */
        String says() {
            return spec.hasNonNull("says") ? spec.get("says").asText() : null;
        }

        /** Why the case is not run yet, or null. */
        String skip() {
            return spec.hasNonNull("skip") ? spec.get("skip").asText() : null;
        }

        /** The request body, or null for none; {@code values} resolves the placeholders. */
        byte[] body(UnaryOperator<String> values) {
            if (spec.has("bodyBase64")) {
                return Base64.getDecoder().decode(spec.get("bodyBase64").asText());
            }
            String text;
            if (spec.has("body")) {
                text = spec.get("body").asText();
            } else if (spec.has("generate")) {
                text = generate(spec.get("generate").asText());
            } else if (spec.has("batch")) {
                ArrayNode items = JSON.createArrayNode();
                // An item is a change of the valid completion, or given whole as "raw".
                spec.get("batch").forEach(item -> items.add(item.has("raw") ? item.get("raw")
                        : mutate(template("completion"), item)));
                text = items.toString();
            } else if (spec.hasNonNull("template")) {
                text = mutate(template(spec.get("template").asText()), spec).toString();
            } else {
                return null;
            }
            text = resolve(text, values);
            return spec.path("rawBytes").asBoolean() ? withRawBytes(text) : text.getBytes(StandardCharsets.UTF_8);
        }

        /** The text in UTF-8, except that each {@code \xHH} is that byte, so that a case can hold invalid UTF-8. */
        private static byte[] withRawBytes(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Matcher m = RAW_BYTE.matcher(text);
            int from = 0;
            while (m.find()) {
                bytes.writeBytes(text.substring(from, m.start()).getBytes(StandardCharsets.UTF_8));
                bytes.write(Integer.parseInt(m.group(1), 16));
                from = m.end();
            }
            bytes.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
            return bytes.toByteArray();
        }

        private JsonNode template(String name) {
            return Objects.requireNonNull(valid.get(name), () -> id + ": no valid body named " + name).deepCopy();
        }

        /** The template with the fields of {@code with} set and those of {@code without} removed (JSON pointers). */
        private static JsonNode mutate(JsonNode template, JsonNode change) {
            change.path("with").fields().forEachRemaining(f -> parentOf(template, f.getKey())
                    .set(leafOf(f.getKey()), f.getValue()));
            change.path("without").forEach(f -> parentOf(template, f.asText()).remove(leafOf(f.asText())));
            return template;
        }

        private static ObjectNode parentOf(JsonNode root, String field) {
            JsonPointer pointer = JsonPointer.compile(field.startsWith("/") ? field : "/" + field);
            return (ObjectNode) root.at(pointer.head());
        }

        private static String leafOf(String field) {
            return JsonPointer.compile(field.startsWith("/") ? field : "/" + field).last().getMatchingProperty();
        }

        /** Bodies too big or too deep to write down: {@code kind:size}. */
        private String generate(String generator) {
            String[] parts = generator.split(":");
            int size = Integer.parseInt(parts[1]);
            return switch (parts[0]) {
                case "nested-arrays" -> "[".repeat(size) + "]".repeat(size);
                case "nested-objects" -> "{\"a\":".repeat(size) + "{}" + "}".repeat(size);
                case "nested-in-field" -> template("completion").toString()
                        .replaceFirst("^\\{", "{\"title\":" + "[".repeat(size) + "]".repeat(size) + ",");
                case "padded-completion" -> template("completion").toString() + " ".repeat(size);
                case "copies-of-completion" -> Stream.generate(() -> template("completion").toString()).limit(size)
                        .reduce((a, b) -> a + "," + b).map(items -> "[" + items + "]").orElseThrow();
                case "attachments-in-statement" -> withAttachments(template("statement"), size, false).toString();
                case "multipart-with-content" -> multipart(size);
                default -> throw new IllegalArgumentException(id + ": unknown generator " + generator);
            };
        }

        /**
         * The statement naming {@code count} attachments: each pointing at its file, or ({@code sent}) all with the sha2
         * of the same content to come as a part.
         */
        private static JsonNode withAttachments(JsonNode statement, int count, boolean sent) {
            ArrayNode attachments = ((ObjectNode) statement).putArray("attachments");
            for (int i = 0; i < count; i++) {
                ObjectNode attachment = attachments.addObject();
                attachment.put("usageType", "http://id.tincanapi.com/attachment/certificate");
                attachment.putObject("display").put("id-ID", "Sertifikat " + i);
                attachment.put("contentType", "text/plain");
                attachment.put("length", 1);
                attachment.put("sha2", "0".repeat(64));
                if (!sent) {
                    attachment.put("fileUrl", "https://lms.example.go.id/sertifikat/" + i + ".pdf");
                }
            }
            return statement;
        }

        /**
         * A multipart/mixed body (boundary {@value #BOUNDARY}): the statement naming one attachment, then its part of
         * {@code size} bytes.
         */
        private String multipart(int size) {
            String content = "a".repeat(size);
            String sha2 = StatementAttachments.digest(content.getBytes(StandardCharsets.US_ASCII), 64);
            JsonNode statement = withAttachments(template("statement"), 1, true);
            ((ObjectNode) statement.get("attachments").get(0)).put("sha2", sha2).put("length", size);
            return "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--" + BOUNDARY
                    + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                    + sha2 + "\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Replaces every placeholder in {@code text}. */
    static String resolve(String text, UnaryOperator<String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = m.group(2) != null && m.group(1).equals("repeat")
                    ? m.group(2).repeat(Integer.parseInt(m.group(3)))
                    : Objects.requireNonNull(values.apply(m.group(1)), "no value for placeholder " + m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Case> load() {
        try {
            var url = BadInputCorpus.class.getClassLoader().getResource(DIRECTORY);
            Path directory = Path.of(Objects.requireNonNull(url, DIRECTORY + " is not on the class path").toURI());
            ObjectNode valid = (ObjectNode) JSON.readTree(directory.resolve("valid-bodies.json").toFile());
            Map<String, Case> all = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .filter(f -> !f.getFileName().toString().equals("valid-bodies.json")).sorted().toList()) {
                    read(file, valid, all);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(Path file, ObjectNode valid, Map<String, Case> all) throws IOException {
        JsonNode corpus = JSON.readTree(file.toFile());
        String prefix = file.getFileName().toString().replace(".json", "");
        for (JsonNode entry : corpus.get("cases")) {
            ObjectNode spec = ((ObjectNode) corpus.get("defaults")).deepCopy();
            spec.setAll((ObjectNode) entry);
            String id = prefix + "/" + spec.path("name").asText();
            if (all.put(id, new Case(id, spec, valid)) != null) {
                throw new IllegalStateException("two cases named " + id);
            }
            if (!spec.has("status") || !spec.has("field") && !spec.has("says")) {
                throw new IllegalStateException(id + " needs a status, and a field or words the problem must name");
            }
        }
    }
}
