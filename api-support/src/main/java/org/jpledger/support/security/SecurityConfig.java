package org.jpledger.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** How callers are told apart: which token claims carry the unit scope and the client id. */
@ConfigMapping(prefix = "jpledger.security")
public interface SecurityConfig {

    /**
     * Whether bearer tokens are required. {@code false} lets every request in as a national admin of everything; it
     * exists for throwaway local experiments and the production profile refuses to start with it.
     */
    @WithDefault("true")
    boolean enabled();

    /** The claim listing the unit codes a caller acts for. */
    @WithDefault("units")
    String unitsClaim();

    /** Claims naming the client application, tried in order ({@code azp} is what OIDC providers set). */
    @WithDefault("azp,client_id")
    List<String> clientClaims();
}
