package org.jpledger.bench;

import java.util.List;

/**
 * What a run was: when, how it was started, at what scale, on what, and how it ended.
 *
 * @param startedAt       ISO instant (UTC)
 * @param command         the command line as typed
 * @param scale           words, e.g. "province of 300,000 employees, 400 units, 2,412,345 completions"
 * @param commit          the git commit of the code measured (with "+ changes" when the tree was dirty)
 * @param jars            where the services' jars came from
 * @param software        PostgreSQL and Kafka versions
 * @param durationSeconds the whole run
 * @param notes           sentences about the run as a whole (e.g. how the province was loaded)
 * @param failure         why the run stopped early, or null
 */
public record RunInfo(String startedAt, String command, long seed, String scale, String commit, String jars,
        String software, MachineInfo machine, double durationSeconds, List<String> notes, String failure) {
}
