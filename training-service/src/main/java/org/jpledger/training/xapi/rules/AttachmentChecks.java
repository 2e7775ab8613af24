package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/** A statement's attachment list: each attachment's metadata (the content is StatementAttachments' part). */
final class AttachmentChecks extends JsonChecks {

    private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    AttachmentChecks(FieldErrors errors) {
        super(errors);
    }

    void attachments(JsonNode list, String path) {
        if (!list.isArray()) {
            errors.add(path, "must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode a = list.get(i);
            if (!object(a, item, ATTACHMENT)) {
                continue;
            }
            required(a, "usageType", item, this::iri);
            required(a, "display", item, this::languageMap);
            optional(a, "description", item, this::languageMap);
            required(a, "contentType", item, this::nonEmptyText);
            required(a, "length", item, (n, p) -> {
                if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
                    errors.add(p, "must be a whole number of bytes");
                }
            });
            required(a, "sha2", item, this::nonEmptyText);
            // Without fileUrl, the content must come as a part of the request (StatementAttachments checks that).
            optional(a, "fileUrl", item, this::iri);
        }
    }
}
