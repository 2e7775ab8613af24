package org.jpledger.support.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpledger.support.security.Caller;

/**
 * Calls refused for want of a valid token cost a counter, not a row: anyone can send them, and the audit log cannot
 * shed rows. Each is counted by the metric {@code jpledger_audit_anonymous_refusals_total} and tallied per source
 * address (an IPv6 one by its /64), action and reason; every {@code jpledger.audit.anonymous-flush-interval} each
 * tally becomes one audit entry (subject {@code anonymous}) with its count, its first and last time and a few of its
 * paths cut short. The number of tallies, and so of rows a write adds, is bounded by
 * {@code jpledger.audit.anonymous-sources}; sources beyond it are counted together under {@value #OTHER_SOURCES}.
 */
@ApplicationScoped
public class AnonymousRefusals {

    static final String OTHER_SOURCES = "(other sources)";
    static final int SAMPLE_PATHS = 5;

    private final AuditLog log;
    private final AuditConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    public AnonymousRefusals(AuditLog log, AuditConfig config, MeterRegistry metrics) {
        this.log = log;
        this.config = config;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /** What a tally is kept for. */
    record Key(String source, String action, String reason, int status) {
    }

    /** Counts of one key since the last write. */
    static final class Tally {
        long count;
        Instant first;
        Instant last;
        final Set<String> paths = new LinkedHashSet<>();
    }

    /** Counts one refused call. */
    public void count(String source, String action, String reason, int status, String path) {
        metrics.counter("jpledger.audit.anonymous.refusals", "action", action, "reason", reason).increment();
        Key key = new Key(sourceOf(source), action, reason, status);
        if (!tallies.containsKey(key) && tallies.size() >= config.anonymousSources()) {
            key = new Key(OTHER_SOURCES, action, reason, status);
        }
        Instant now = clock.instant();
        String shortPath = cut(path, config.anonymousPathLength());
        tallies.compute(key, (k, tally) -> {
            Tally t = tally == null ? new Tally() : tally;
            t.count++;
            t.first = t.first == null ? now : t.first;
            t.last = now;
            if (t.paths.size() < SAMPLE_PATHS) {
                t.paths.add(shortPath);
            }
            return t;
        });
    }

    /** Writes one entry per tally kept since the last write, and starts counting afresh. */
    public void flush() {
        for (Key key : new ArrayList<>(tallies.keySet())) {
            Tally tally = tallies.remove(key);
            if (tally == null) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", key.source());
            details.put("reason", key.reason());
            details.put("count", tally.count);
            details.put("first", tally.first.toString());
            details.put("last", tally.last.toString());
            details.put("paths", List.copyOf(tally.paths));
            try {
                log.append(new AuditEntry(0, null, Caller.ANONYMOUS, null, "", "", key.action(), null, null, null,
                        AuditEntry.outcomeOf(key.status()), key.status(), details));
            } catch (RuntimeException e) {
                Log.errorf(e, "audit tally lost: %d anonymous %s calls from %s", tally.count, key.action(), key.source());
            }
        }
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network, which one subscriber usually holds whole. */
    static String sourceOf(String address) {
        if (address == null) {
            return "(unknown)";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    static String cut(String path, int length) {
        if (path == null) {
            return "";
        }
        return path.length() <= length ? path : path.substring(0, length) + "…";
    }

    /** Writes the tallies, logging rather than throwing a failure: the next write tries again. */
    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.error("could not write the tallies of anonymous refusals", e);
        }
    }
}
