package org.jpledger.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.contracts.access.Access;

/**
 * {@code ./run token}: mints a token with the local key for the roles and units asked, so a developer can call the
 * locally running services. Production tokens come from the identity provider instead.
 */
final class LocalTokenCommand {

    static final String USAGE = "usage: ./run token --roles ROLE[,ROLE...] [--units CODE[,CODE...]|'*'] [--subject NAME]"
            + " [--client ID] [--hours N]\nroles: " + String.join(", ", Access.ROLES);

    private LocalTokenCommand() {
    }

    /** The signed token for the command-line options. */
    static String mint(LocalKeys keys, List<String> args) {
        List<String> roles = new ArrayList<>();
        List<String> units = null;
        String subject = System.getProperty("user.name", "local-user");
        String client = null;
        long hours = 8;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String value = i + 1 < args.size() ? args.get(++i) : usage("a value is missing after " + option);
            switch (option) {
                case "--roles" -> roles.addAll(List.of(value.split(",")));
                case "--units" -> units = List.of(value.split(","));
                case "--subject" -> subject = value;
                case "--client" -> client = value;
                case "--hours" -> hours = parseHours(value);
                default -> usage("unknown option " + option);
            }
        }
        if (roles.isEmpty()) {
            usage("name at least one role");
        }
        for (String role : roles) {
            if (!Access.ROLES.contains(role)) {
                usage("unknown role " + role);
            }
        }
        Token token = Token.withRoles(roles.toArray(String[]::new)).subject(subject).lifetime(Duration.ofHours(hours));
        if (units != null) {
            token.units(units.toArray(String[]::new));
        }
        if (client != null) {
            token.client(client);
        }
        return token.signedWith(keys.privateKey());
    }

    private static long parseHours(String value) {
        try {
            long hours = Long.parseLong(value);
            return hours > 0 ? hours : Long.parseLong(usage("--hours must be positive"));
        } catch (NumberFormatException e) {
            return Long.parseLong(usage("--hours must be a whole number"));
        }
    }

    private static String usage(String problem) {
        System.err.println("run token: " + problem + "\n" + USAGE);
        System.exit(2);
        return null;
    }
}
