package org.jpledger.support.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the audit log treats callers without a valid token, and how long it keeps its entries. */
@ConfigMapping(prefix = "jpledger.audit")
public interface AuditConfig {

    /** Calls refused for want of a valid token are counted, and written as one entry per source, action and reason this often. */
    @WithDefault("1m")
    Duration anonymousFlushInterval();

    /** Distinct (source address, action, reason) tallies kept between two writes; further sources are counted together. */
    @WithDefault("1000")
    int anonymousSources();

    /** Characters of a refused call's path kept in its tally (a path can be as long as the HTTP server allows). */
    @WithDefault("80")
    int anonymousPathLength();

    /** Whole months of audit entries kept; older monthly partitions may be purged by an admin (0 keeps everything). */
    @WithDefault("60")
    int retentionMonths();
}
