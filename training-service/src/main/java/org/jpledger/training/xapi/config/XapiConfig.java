package org.jpledger.training.xapi.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The xAPI Learning Record Store at /xapi: how statements map to completions, and the integrating systems' credentials. */
@ConfigMapping(prefix = "jpledger.xapi")
public interface XapiConfig {

    /** The account home page under which an actor's account name is the employee's NIP. */
    @WithDefault("https://siasn.bkn.go.id")
    String nipHomePage();

    /** The home page of the account that names the integrating system in a statement's authority. */
    @WithDefault("urn:jpledger:integrating-system")
    String authorityHomePage();

    /** Most statements one GET returns; a longer list continues at its "more" link. */
    @WithDefault("100")
    int pageSize();

    /** Most statements one POST may carry. */
    @WithDefault("500")
    int batchLimit();

    /** Most attachments one statement may name (400 beyond it). */
    @WithDefault("10")
    int attachmentsPerStatement();

    /**
     * Most bytes of attachment content (all parts together) one request may carry (413 beyond it); below the JSON body
     * cap, which bounds the whole multipart body.
     */
    @WithDefault("3M")
    MemorySize attachmentBytes();

    /**
     * Most bytes one State, Activity Profile or Agent Profile document may hold (413 beyond it), checked on a declared
     * Content-Length before the body is read and on the bytes as they are read.
     */
    @WithDefault("1M")
    MemorySize documentBytes();

    /**
     * Most documents a system keeps in one scope (413 for a new one beyond it): per agent and activity for State (all
     * registrations together), per activity for Activity Profile, per agent for Agent Profile. It also bounds the id
     * lists.
     */
    @WithDefault("1000")
    int documentsPerScope();

    /** Longest stateId or profileId, in characters (400 beyond it); the store holds at most 255. */
    @WithDefault("255")
    int documentIdLength();

    /**
     * Most bytes an activity's kept definition grows to by merging newer statements' definitions into it (the
     * Activities Resource); past it the newer definition replaces the kept one whole, which its request's JSON body cap
     * bounds.
     */
    @WithDefault("1M")
    MemorySize definitionBytes();

    /** Most of the caller's statements naming an agent (the newest) the Agents Resource reads that agent's names from. */
    @WithDefault("100")
    int personStatements();

    /**
     * HTTP Basic credentials of integrating systems, by system name (the Basic user name, also the completions'
     * sourceSystem and the statements' authority).
     */
    Map<String, Client> clients();

    /** One integrating system's credential and what it may do. */
    interface Client {

        /**
         * Hex SHA-256 of the system's secret (the Basic password). Secrets are random (at least 32 bytes, e.g. {@code
         * openssl rand -base64 32}), so a plain digest suffices and the configuration never holds the secret itself.
         */
        String secretSha256();

        /** Roles, as a bearer token would carry them (training-writer to send statements, training-reader to read). */
        List<String> roles();

        /** Unit codes the system acts for (each with the units below it), or "*" for the whole tree. */
        Optional<List<String>> units();
    }
}
