package org.jpledger.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jpledger.contracts.access.Access;

/**
 * Who is calling in this request: subject, client application, roles and unit scope, read once from the verified
 * token (or from the local trust mode when authentication is switched off outside production).
 */
@RequestScoped
public class Caller {

    /** Subject recorded for requests that carried no valid token. */
    public static final String ANONYMOUS = "anonymous";
    /**
     * Identity attribute (a {@link UnitScope}) by which an authentication mechanism other than bearer tokens (HTTP Basic
     * credentials of an integrating system) states the caller's units.
     */
    public static final String UNITS_ATTRIBUTE = "jpledger.units";
    /** Identity attribute naming the client application, for mechanisms other than bearer tokens. */
    public static final String CLIENT_ATTRIBUTE = "jpledger.client";
    /** Namespace of {@link #system()} for a system that signs in with its own credential (HTTP Basic). */
    public static final String CREDENTIAL_SYSTEM = "basic:";
    /** Namespace of {@link #system()} for a bearer-token caller, named by the token's subject. */
    public static final String TOKEN_SYSTEM = "bearer:";

    private final SecurityIdentity identity;
    private final SecurityConfig config;
    private UnitScope scope;

    public Caller(SecurityIdentity identity, SecurityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The token's subject (a person's or a system's id at the identity provider), or {@link #ANONYMOUS}. */
    public String subject() {
        return identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    /** The client application the token was issued to ({@code azp} or {@code client_id}), when the token says. */
    public String client() {
        String attributed = identity.getAttribute(CLIENT_ATTRIBUTE);
        if (attributed != null) {
            return attributed;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : config.clientClaims()) {
                Object value = token.getClaim(claim);
                if (value != null) {
                    return text(value);
                }
            }
        }
        return null;
    }

    /**
     * The integrating system the caller is, for records that name their sender: {@value #CREDENTIAL_SYSTEM} and an HTTP
     * Basic credential's system name, else {@value #TOKEN_SYSTEM} and the token's subject (a client id would not do:
     * every user of a web client shares it). Two namespaces, so that a token whose subject equals a system's name is
     * still another system.
     */
    public String system() {
        String attributed = identity.getAttribute(CLIENT_ATTRIBUTE);
        return attributed != null ? CREDENTIAL_SYSTEM + attributed : TOKEN_SYSTEM + subject();
    }

    /**
     * How {@code system} (a {@link #system()}) is named where a sender is shown, as the sourceSystem of a completion:
     * a credential's system by its name alone, as before namespaces (a Basic user name holds no ':', so it never equals
     * a name with a namespace), a token's subject with its namespace.
     */
    public static String shownName(String system) {
        return system.startsWith(CREDENTIAL_SYSTEM) ? system.substring(CREDENTIAL_SYSTEM.length()) : system;
    }

    /** The {@link #system()} that {@code name} stands for: a name without a namespace is a credential's system. */
    public static String systemNamed(String name) {
        return name.startsWith(CREDENTIAL_SYSTEM) || name.startsWith(TOKEN_SYSTEM) ? name : CREDENTIAL_SYSTEM + name;
    }

    /** The caller's roles, sorted. */
    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    /** Whether the call came with no credential that was accepted (no token, or one that failed its checks). */
    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** Whether the caller has {@code role}. */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Whether any of the caller's roles is national ({@link Access#GLOBAL_ROLES}). */
    public boolean hasGlobalRole() {
        return Access.GLOBAL_ROLES.stream().anyMatch(identity::hasRole);
    }

    /** The units the caller acts for, from the unit claim. */
    public UnitScope scope() {
        if (scope == null) {
            scope = readScope();
        }
        return scope;
    }

    private UnitScope readScope() {
        if (identity.isAnonymous()) {
            return UnitScope.NONE;
        }
        UnitScope attributed = identity.getAttribute(UNITS_ATTRIBUTE);
        if (attributed != null) {
            return attributed;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return UnitScope.ofClaim(codes(token.getClaim(config.unitsClaim())));
        }
        // Local trust mode (authentication switched off): the whole tree. Any other identity names no units.
        return LocalTrustMechanism.SUBJECT.equals(identity.getPrincipal().getName()) && !config.enabled()
                ? UnitScope.ALL : UnitScope.NONE;
    }

    /** The claim as a list of codes: a JSON array, or a string of codes separated by commas or spaces. */
    static List<String> codes(Object claim) {
        if (claim == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> codes.add(value == JsonValue.NULL ? null : text(value)));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> codes.add(value == null ? null : text(value)));
        } else {
            codes.addAll(List.of(text(claim).split("[,\\s]+")));
        }
        return codes;
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        return String.valueOf(value);
    }
}
