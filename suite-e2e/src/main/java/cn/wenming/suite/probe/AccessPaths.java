package cn.wenming.suite.probe;

/**
 * Which of the {@link AccessObjects} an operation's path names: reads get the published (or seed)
 * objects a reader may see; a change gets the object in the state that change acts on.
 */
final class AccessPaths {

    private AccessPaths() {
    }

    /**
     * The path of {@code op} with every parameter replaced by a real object: reads get the
     * published (or seed) objects a reader may see; a change gets the object in the state that
     * change acts on. A parameter named {@code service} is the operation's own service. Throws when
     * a parameter names a kind of object the probe does not make: teach it here.
     */
    static String path(AccessObjects o, Api.Operation op) {
        String[] segments = op.path().split("/");
        String bulletin = null;
        String honor = null;
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            out.append('/');
            if (!s.startsWith("{")) {
                out.append(s);
                continue;
            }
            String collection = segments[i - 1];
            String value = switch (collection) {
                case "bulletin-series" -> o.series;
                case "bulletins" -> bulletin = bulletinFor(o, op);
                case "articles" -> o.articles.get(bulletin);
                case "work-plans" -> o.plan;
                case "areas" -> o.area;
                case "tasks" -> o.task;
                case "honor-programs" -> o.program;
                case "decision-documents" -> o.document;
                case "honor-roll" -> o.conferred;
                case "honors" -> honor = honorFor(o, op);
                case "objections" -> o.publicized.equals(honor) ? o.objection : null;
                case "organizations" -> o.bodies.get(0).org().toString();
                case "distribution-lists" -> o.list;
                case "dispatches" -> o.dispatch;
                case "deliveries" -> o.bodies.get(0).delivery();
                default -> s.equals("{service}") ? op.service() : null;
            };
            if (value == null) {
                throw new IllegalStateException("the access probe has no real object for " + s + " in " + op.key()
                        + ": make one in AccessObjects");
            }
            out.append(value);
        }
        return out.toString();
    }

    /** What follows the last path parameter: the action ({@code approve}, {@code articles/order}), or "" for the object itself. */
    private static String action(Api.Operation op) {
        String path = op.path();
        int last = path.lastIndexOf('}');
        return last < 0 || last == path.length() - 1 ? "" : path.substring(last + 2);
    }

    private static String bulletinFor(AccessObjects o, Api.Operation op) {
        if (op.method().equals("get")) {
            return o.published;
        }
        String path = op.path();
        return path.endsWith("/approve") || path.endsWith("/return") ? o.submitted
                : path.endsWith("/publish") ? o.approved
                : path.endsWith("/recall") ? o.published
                : o.draft;   // edits of the issue and its articles, submit
    }

    private static String honorFor(AccessObjects o, Api.Operation op) {
        String action = action(op);
        if (op.method().equals("get")) {
            return o.publicized;
        }
        return switch (action) {
            case "", "publicize" -> o.nominated;           // PUT and publicize act on a nomination
            case "review", "revoke" -> o.conferred;        // on a title held
            default -> o.publicized;                     // confer, withdraw, objections, resolve
        };
    }
}
