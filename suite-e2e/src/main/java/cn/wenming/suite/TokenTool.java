package cn.wenming.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code ./suite token ROLE [ROLE...] [--user NAME]}: prints a bearer token for the local run,
 * signed with the keys in {@code .local/jwt/} that the running services trust (valid 8 hours).
 */
public final class TokenTool {

    private TokenTool() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        String user = "dev-user";
        var roles = new java.util.ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--user") && i + 1 < args.length) {
                user = args[++i];
            } else {
                roles.add(args[i]);
            }
        }
        if (roles.isEmpty()) {
            System.err.println("usage: ./suite token ROLE [ROLE...] [--user NAME]   roles: reader editor reviewer admin service");
            System.exit(2);
        }
        var known = Arrays.asList("reader", "editor", "reviewer", "admin", "service");
        for (String role : roles) {
            if (!known.contains(role)) {
                System.err.println("unknown role " + role + "; roles: " + String.join(" ", known));
                System.exit(2);
            }
        }
        System.out.println(JwtKeys.inFolder(root.resolve(".local/jwt")).token(user, Duration.ofHours(8), roles.toArray(String[]::new)));
    }
}
