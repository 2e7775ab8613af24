package org.jpledger.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.Test;

class ApiDocsFilterTest {

    @Test
    void givesEveryErrorAnswerAProblemBodyAndKeepsItsReason() {
        OpenAPI document = documentAnswering(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The unit"))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No unit has this code"))
                .addAPIResponse("503", OASFactory.createAPIResponse().description("The database is busy"))
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Unauthorized")));

        new ApiDocsFilter().filterOpenAPI(document);

        APIResponses responses = document.getPaths().getPathItem("/units/{code}").getGET().getResponses();
        assertThat(responses.getAPIResponse("200").getContent()).isNull();
        for (String code : new String[] {"404", "503", "401"}) {
            assertThat(responses.getAPIResponse(code).getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                    .as(code).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(responses.getAPIResponse("404").getDescription()).isEqualTo("No unit has this code");
        assertThat(responses.getAPIResponse("401").getDescription()).startsWith("No bearer token");
    }

    @Test
    void leavesAnErrorBodyAResourceDescribedItself() {
        APIResponse own = OASFactory.createAPIResponse().description("Not acceptable").content(OASFactory.createContent()
                .addMediaType("text/plain", OASFactory.createMediaType()));
        OpenAPI document = documentAnswering(OASFactory.createAPIResponses().addAPIResponse("406", own));

        new ApiDocsFilter().filterOpenAPI(document);

        assertThat(own.getContent().getMediaTypes()).containsOnlyKeys("text/plain");
    }

    @Test
    void definesTheProblemSchemasFromTheContractRecords() {
        OpenAPI document = documentAnswering(OASFactory.createAPIResponses());

        new ApiDocsFilter().filterOpenAPI(document);

        Schema problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.getProperties().get("status").getType()).containsExactly(Schema.SchemaType.INTEGER);
        assertThat(problem.getProperties().get("errors").getItems().getRef()).isEqualTo("#/components/schemas/FieldError");
        assertThat(problem.getProperties().get("detail").getDescription()).isEqualTo("What went wrong with this request");
        assertThat(document.getComponents().getSchemas().get("FieldError").getProperties()).containsOnlyKeys("field",
                "reason");
    }

    private static OpenAPI documentAnswering(APIResponses responses) {
        PathItem path = OASFactory.createPathItem().GET(OASFactory.createOperation().responses(responses));
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/units/{code}", path));
    }
}
