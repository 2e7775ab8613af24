package org.jpledger.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Both services read request bodies (and batch and CSV items) as written, never as Jackson would guess: a duplicate key,
 * content after the JSON value, a fraction for a whole number, a number for a flag or an enum name, or text that
 * PostgreSQL cannot store (NUL, an unpaired surrogate) is refused as a field error instead of one value silently
 * winning, being dropped, truncated, mapped by position or failing at the database. reporting-service's consumer reads
 * events with a tolerant mapper of its own.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new StorableText()));
    }

    /** Text without NUL characters and unpaired surrogates, which a text column cannot hold. */
    public static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && !storable(text)) {
                throw JsonMappingException.from(parser, "must not contain NUL characters or unpaired surrogates");
            }
            return text;
        }

        /** Whether a text column can hold {@code text}. */
        public static boolean storable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    i++;
                } else if (c == '\u0000' || Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
