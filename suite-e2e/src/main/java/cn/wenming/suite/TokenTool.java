package cn.wenming.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./suite token ROLE [ROLE...] [--user NAME] [--org ID] [--days N]}: prints a bearer token for
 * the local run, signed with the key in {@code .local/jwt/} that the running services trust (valid 8
 * hours, or N days: the dev cluster's service tokens, deploy/k8s/overlays/dev/dev-secrets.sh).
 * <ul>
 * <li>Staff roles ({@code reader editor reviewer admin}) act for the office unless {@code --org} names
 * another body (a district office: then the token reads published content only). Each role is its
 * own user by default ({@code editor}, {@code reviewer}, ...), so an editor's submission can be
 * approved with the reviewer's token (four eyes).</li>
 * <li>{@code recipient} is a recipient body's system: {@code --org} (the body's organization id, from
 * {@code GET /api/v1/organizations}) is required.</li>
 * <li>{@code service} is a service of the suite: {@code --user} names it (bulletin-service, ...).</li>
 * </ul>
 */
public final class TokenTool {

    static final List<String> STAFF = List.of("reader", "editor", "reviewer", "admin");
    static final List<String> SERVICES = List.of("bulletin-service", "task-service", "honors-service", "distribution-service");
    static final String USAGE = "usage: ./suite token ROLE [ROLE...] [--user NAME] [--org ORGANIZATION-ID] [--days N]\n"
            + "  roles: reader editor reviewer admin (the office's staff; --org for another body's staff),\n"
            + "         recipient (a recipient body's system; --org required), service (--user bulletin-service|task-service|...)";

    private TokenTool() {
    }

    /** What was asked for: a token's claims, or why not. */
    record Request(JwtKeys.Claims claims, String error) {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Request request = parse(List.of(args));
        if (request.error() != null) {
            System.err.println(request.error());
            System.err.println(USAGE);
            System.exit(2);
        }
        // the local run's keys; SUITE_JWT_DIR names another suite's (the end-to-end tests run the README with it)
        String dir = System.getenv("SUITE_JWT_DIR");
        System.out.println(JwtKeys.inFolder(dir == null || dir.isBlank() ? root.resolve(".local/jwt") : Path.of(dir)).token(request.claims()));
    }

    static Request parse(List<String> args) {
        String user = null;
        UUID org = null;
        Duration lifetime = Duration.ofHours(8);
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--user") || arg.equals("--org") || arg.equals("--days")) && i + 1 >= args.size()) {
                return new Request(null, arg + " needs a value");
            } else if (arg.equals("--days")) {
                try {
                    int days = Integer.parseInt(args.get(++i));
                    if (days < 1 || days > 366) {
                        return new Request(null, "--days must be 1 to 366");
                    }
                    lifetime = Duration.ofDays(days);
                } catch (NumberFormatException e) {
                    return new Request(null, "--days must be a number of days");
                }
            } else if (arg.equals("--user")) {
                user = args.get(++i);
            } else if (arg.equals("--org")) {
                try {
                    org = UUID.fromString(args.get(++i));
                } catch (IllegalArgumentException e) {
                    return new Request(null, "--org must be an organization id (a UUID): " + args.get(i));
                }
            } else if (STAFF.contains(arg) || arg.equals("recipient") || arg.equals("service")) {
                roles.add(arg);
            } else {
                return new Request(null, "unknown role or option: " + arg);
            }
        }
        if (roles.isEmpty()) {
            return new Request(null, "name at least one role");
        }
        if (roles.contains("service")) {
            if (roles.size() > 1 || user == null || !SERVICES.contains(user)) {
                return new Request(null, "a service token is one role, service, with --user naming the service: " + SERVICES);
            }
            return new Request(JwtKeys.Claims.service(user, lifetime), null);
        }
        if (roles.contains("recipient")) {
            if (roles.size() > 1 || org == null) {
                return new Request(null, "a recipient token is one role, recipient, with --org naming the body it acts for");
            }
            return new Request(JwtKeys.Claims.ofBody(user == null ? "recipient-" + org : user, org, lifetime, "recipient"), null);
        }
        return new Request(JwtKeys.Claims.ofBody(user == null ? String.join("-", roles) : user, org == null ? JwtKeys.OFFICE : org,
                lifetime, roles.toArray(String[]::new)), null);
    }
}
