package org.jpledger.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiAuditTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void findsNothingInAFullyDescribedDocument() throws Exception {
        assertThat(OpenApiAudit.gaps(mapper.readTree("""
                {"paths": {"/units/{code}": {"get": {"summary": "Get", "description": "A unit",
                   "parameters": [{"name": "code", "description": "Its code"}],
                   "responses": {"200": {}, "404": {"content": {"application/problem+json": {}}}}}}},
                 "components": {"schemas": {"Unit": {"properties": {"code": {"description": "Its code"}}}}}}
                """))).isEmpty();
    }

    @Test
    void listsEveryUndescribedOperationParameterPropertyAndError() throws Exception {
        assertThat(OpenApiAudit.gaps(mapper.readTree("""
                {"paths": {"/units/{code}": {"put": {"summary": " ",
                   "parameters": [{"name": "code"}], "requestBody": {},
                   "responses": {"200": {}}},
                  "get": {"summary": "Get", "description": "A unit", "parameters": [{"name": "code", "description": "c"}],
                   "responses": {"404": {"content": {"application/json": {}}}}}}},
                 "components": {"schemas": {"Unit": {"properties": {"code": {"type": "string"}}}}}}
                """))).containsExactlyInAnyOrder(
                "PUT /units/{code}: no summary",
                "PUT /units/{code}: no description",
                "PUT /units/{code} parameter code: no description",
                "PUT /units/{code}: takes input but documents no 4xx response",
                "GET /units/{code} response 404: not application/problem+json",
                "schema Unit.code: no description");
    }

    @Test
    void listsReferencesToSchemasTheDocumentDoesNotDefine() throws Exception {
        assertThat(OpenApiAudit.gaps(mapper.readTree("""
                {"paths": {"/units": {"get": {"summary": "List", "description": "Units",
                   "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
                                 "404": {"content": {"application/problem+json": {"schema":
                                     {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Unit": {"properties": {"code": {"description": "Its code"}}}}}}
                """))).containsExactly("reference #/components/schemas/Problem: not defined");
    }
}
