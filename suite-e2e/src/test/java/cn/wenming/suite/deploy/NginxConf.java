package cn.wenming.suite.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Just enough of nginx's configuration syntax to read the gateway's routing: blocks and
 * directives (comments, quotes and escapes as nginx reads them), the upstreams, and the
 * server's locations matched against a URI in nginx's order (exact, then the longest prefix
 * unless it is {@code ^~}, then the regexes in file order, then the longest prefix).
 */
final class NginxConf {

    /** A directive, with its block when it has one. */
    record Directive(String name, List<String> args, List<Directive> block) {
        List<Directive> all(String n) {
            return block == null ? List.of() : block.stream().filter(d -> d.name.equals(n)).toList();
        }

        Optional<Directive> first(String n) {
            return all(n).stream().findFirst();
        }
    }

    /** A location of the server block: its modifier ("", "=", "^~", "~", "~*"), pattern and what it does. */
    record Location(String modifier, String pattern, Directive directive) {
        Optional<String> proxyPass() {
            return directive.first("proxy_pass").map(d -> d.args.get(0));
        }

        boolean regex() {
            return modifier.startsWith("~");
        }
    }

    final Directive root;

    private NginxConf(Directive root) {
        this.root = root;
    }

    static NginxConf parse(String text) {
        List<String> tokens = tokenize(text);
        int[] pos = { 0 };
        List<Directive> top = parseBlock(tokens, pos, false);
        return new NginxConf(new Directive("", List.of(), top));
    }

    Directive http() {
        return root.first("http").orElseThrow();
    }

    Directive server() {
        List<Directive> servers = http().all("server");
        if (servers.size() != 1) {
            throw new IllegalStateException("one server block expected, found " + servers.size());
        }
        return servers.get(0);
    }

    /** upstream name to its one server address (a ${VARIABLE} in the template). */
    java.util.Map<String, String> upstreams() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Directive u : http().all("upstream")) {
            List<Directive> servers = u.all("server");
            if (servers.size() != 1) {
                throw new IllegalStateException("upstream " + u.args.get(0) + ": one server expected");
            }
            out.put(u.args.get(0), servers.get(0).args.get(0));
        }
        return out;
    }

    List<Location> locations() {
        List<Location> out = new ArrayList<>();
        for (Directive d : server().all("location")) {
            if (d.args.size() == 1) {
                out.add(new Location("", d.args.get(0), d));
            } else {
                out.add(new Location(d.args.get(0), d.args.get(1), d));
            }
        }
        return out;
    }

    /** The location nginx picks for {@code uri} (a path without the query string). */
    Location match(String uri) {
        List<Location> all = locations();
        for (Location l : all) {
            if (l.modifier.equals("=") && l.pattern.equals(uri)) {
                return l;
            }
        }
        Optional<Location> prefix = all.stream().filter(l -> (l.modifier.isEmpty() || l.modifier.equals("^~")) && uri.startsWith(l.pattern))
                .max(Comparator.comparingInt(l -> l.pattern.length()));
        if (prefix.isPresent() && prefix.get().modifier.equals("^~")) {
            return prefix.get();
        }
        for (Location l : all) {
            if (l.regex()) {
                Pattern p = Pattern.compile(l.pattern, l.modifier.equals("~*") ? Pattern.CASE_INSENSITIVE : 0);
                if (p.matcher(uri).find()) {
                    return l;
                }
            }
        }
        return prefix.orElse(null);
    }

    // ---------------------------------------------------------------------------------------------

    private static List<Directive> parseBlock(List<String> tokens, int[] pos, boolean nested) {
        List<Directive> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (pos[0] < tokens.size()) {
            String t = tokens.get(pos[0]++);
            switch (t) {
                case ";" -> {
                    out.add(new Directive(words.get(0), List.copyOf(words.subList(1, words.size())), null));
                    words.clear();
                }
                case "{" -> {
                    String name = words.get(0);
                    List<String> args = List.copyOf(words.subList(1, words.size()));
                    words.clear();
                    out.add(new Directive(name, args, parseBlock(tokens, pos, true)));
                }
                case "}" -> {
                    if (!nested || !words.isEmpty()) {
                        throw new IllegalStateException("unbalanced } in the nginx configuration");
                    }
                    return out;
                }
                default -> words.add(t);
            }
        }
        if (nested || !words.isEmpty()) {
            throw new IllegalStateException("the nginx configuration ends inside a block or directive");
        }
        return out;
    }

    /** Words, quoted strings (quotes removed), and the three punctuation tokens; comments dropped. */
    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // also true for "" (an empty quoted string is a word)
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#' && !inWord) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                StringBuilder s = new StringBuilder();
                while (text.charAt(end) != c) {
                    if (text.charAt(end) == '\\' && end + 1 < text.length() && (text.charAt(end + 1) == c || text.charAt(end + 1) == '\\')) {
                        end++;
                    }
                    s.append(text.charAt(end++));
                }
                word.append(s);
                inWord = true;
                i = end + 1;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i); // ${name}: a variable (nginx's own syntax, and the template's placeholders)
                word.append(text, i, end + 1);
                inWord = true;
                i = end + 1;
            } else if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
