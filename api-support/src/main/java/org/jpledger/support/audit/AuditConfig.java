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

    /**
     * Distinct (source, action, reason) tallies kept between two writes, and so the most rows one write adds; further
     * sources are counted together. A source is an IPv4 address or an IPv6 /64 network.
     */
    @WithDefault("100")
    int anonymousSources();

    /** Characters of a refused call's path kept in its tally (a path can be as long as the HTTP server allows). */
    @WithDefault("80")
    int anonymousPathLength();

    /** Whole months of audit entries kept; older monthly partitions may be purged by an admin (0 keeps everything). */
    @WithDefault("60")
    int retentionMonths();
}
