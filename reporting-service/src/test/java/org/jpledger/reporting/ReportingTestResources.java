package org.jpledger.reporting;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.jpledger.localstack.JwtTestResource;
import org.jpledger.localstack.KafkaTestResource;
import org.jpledger.localstack.PostgresTestResource;

/**
 * One real PostgreSQL and one real Kafka broker, and trust in the test tokens, for the whole test run of this service,
 * so the app boots once.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class ReportingTestResources {

    private ReportingTestResources() {
    }
}
