package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.PreconditionException;
import org.junit.jupiter.api.Test;

/** The document rules: the one-level merge, what counts as JSON, entity tags and the write preconditions. */
class DocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = Documents.etag(bytes("{\"a\":1}"));

    @Test
    void aMergeReplacesTopLevelPropertiesWholeAndKeepsTheOthers() throws IOException {
        byte[] merged = Documents.merge(bytes("{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\"}"),
                bytes("{\"car\":{\"make\":\"Dodge\"},\"series\":\"nextel\"}"));

        assertThat(JSON.readTree(merged)).isEqualTo(JSON.readTree(
                "{\"car\":{\"make\":\"Dodge\"},\"driver\":\"Dale\",\"series\":\"nextel\"}"));
    }

    @Test
    void aMergeNeedsTwoJsonObjects() {
        assertThatThrownBy(() -> Documents.merge(bytes("[1,2]"), bytes("{\"a\":1}")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("stored document is not a JSON object");
        assertThatThrownBy(() -> Documents.merge(bytes("{\"a\":1}"), bytes("abc")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> Documents.merge(bytes("{\"a\":1}"), bytes("{\"a\":1}{")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Documents.requireObject(bytes("{\"a\":1,\"a\":2}")))
                .as("a duplicate key").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void jsonIsApplicationJsonWhateverItsParameters() {
        assertThat(Documents.isJson("application/json")).isTrue();
        assertThat(Documents.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(Documents.isJson("application/octet-stream")).isFalse();
        assertThat(Documents.isJson("application/json-patch+json")).isFalse();
        assertThat(Documents.isJson(null)).isFalse();
    }

    @Test
    void theEntityTagIsTheQuotedHashOfTheContent() {
        assertThat(TAG).startsWith("\"").endsWith("\"").hasSize(66);
        assertThat(Documents.etag(bytes("{\"a\":1}"))).isEqualTo(TAG);
        assertThat(Documents.etag(bytes("{\"a\":2}"))).isNotEqualTo(TAG);
    }

    @Test
    void ifMatchMustNameTheStoredTag() {
        Documents.checkPreconditions(TAG, TAG, null, true);
        Documents.checkPreconditions(TAG, "\"other\", " + TAG, null, true);
        Documents.checkPreconditions(TAG, "*", null, false);
        assertPreconditionFails(() -> Documents.checkPreconditions(TAG, "\"1234\"", null, true));
        assertPreconditionFails(() -> Documents.checkPreconditions(null, TAG, null, false));
        assertPreconditionFails(() -> Documents.checkPreconditions(null, "*", null, true));
    }

    @Test
    void ifNoneMatchStarHoldsOnlyWhileNothingIsStored() {
        Documents.checkPreconditions(null, null, "*", true);
        Documents.checkPreconditions(TAG, null, "\"1234\"", true);
        assertPreconditionFails(() -> Documents.checkPreconditions(TAG, null, "*", true));
        assertPreconditionFails(() -> Documents.checkPreconditions(TAG, null, TAG, false));
    }

    @Test
    void aPutOverAStoredDocumentWithoutEitherHeaderIsAConflict() {
        Documents.checkPreconditions(null, null, null, true);
        Documents.checkPreconditions(TAG, null, null, false);
        assertThatThrownBy(() -> Documents.checkPreconditions(TAG, null, null, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("If-Match");
    }

    private static void assertPreconditionFails(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(PreconditionException.class,
                e -> assertThat(e.status()).isEqualTo(412));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
