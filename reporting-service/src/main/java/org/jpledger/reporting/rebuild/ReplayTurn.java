package org.jpledger.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jpledger.support.problem.ConflictException;

/**
 * The one turn of this instance to replay the topics: a rebuild and a verification of a closing each replay the whole
 * ledger and load the database alike, and a rebuild's switch must not swap tables under a verification's reads, so only
 * one of them runs at a time.
 */
@ApplicationScoped
public class ReplayTurn {

    /** Who replays, as a refusal names it: what runs and where to follow it. */
    public record Replay(String what, String followWith) {
    }

    private final AtomicReference<Replay> running = new AtomicReference<>();

    /** Takes the turn for {@code replay}; refused (409) naming the replay that has it. */
    public void take(Replay replay) {
        if (!running.compareAndSet(null, replay)) {
            Replay other = running.get();
            String what = other == null ? "another replay" : other.what();
            String follow = other == null ? "" : "; follow it with GET " + other.followWith();
            throw new ConflictException(what + " is already running" + follow + ". Try again once it has ended.");
        }
    }

    /** Gives the turn back, once {@code replay} has ended. */
    public void release(Replay replay) {
        running.compareAndSet(replay, null);
    }
}
