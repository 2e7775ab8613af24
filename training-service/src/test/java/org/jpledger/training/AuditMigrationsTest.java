package org.jpledger.training;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jpledger.support.audit.AuditMigrationsContract;

/** The audit log's migrations as this service's databases applied them: V4 and V9. */
@QuarkusTest
class AuditMigrationsTest extends AuditMigrationsContract {

    @Override
    protected List<String> oldHistory() {
        return List.of(historyRow(4, "audit_log", AUDIT_LOG_CHECKSUM),
                historyRow(9, "audit_log_by_month", BY_MONTH_CHECKSUM));
    }
}
