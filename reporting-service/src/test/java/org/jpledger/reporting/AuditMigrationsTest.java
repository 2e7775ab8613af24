package org.jpledger.reporting;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jpledger.support.audit.AuditMigrationsContract;

/** The audit log's migrations as this service's databases applied them: V6 and V10. */
@QuarkusTest
class AuditMigrationsTest extends AuditMigrationsContract {

    @Override
    protected List<String> oldHistory() {
        return List.of(historyRow(6, "audit_log", AUDIT_LOG_CHECKSUM),
                historyRow(10, "audit_log_by_month", BY_MONTH_CHECKSUM));
    }
}
