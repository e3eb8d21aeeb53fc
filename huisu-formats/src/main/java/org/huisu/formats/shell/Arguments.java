package org.huisu.formats.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command's arguments split into options and operands, given which options take a value; each argument kept
 * as written and as expanded. Single-dash bundles ({@code -rf}, {@code -avz}, {@code -sT file}) are split.
 */
final class Arguments {

    /** One argument as written and with known variables substituted. */
    record Arg(String written, String expanded) {
    }

    /** An option ({@code --endpoint}, {@code -r}) and its value, or null for a flag. */
    record Option(String name, Arg value) {
    }

    final List<Option> options = new ArrayList<>();
    final List<Arg> operands = new ArrayList<>();

    Arguments(List<String> written, List<String> expanded, int from, Set<String> withValue) {
        boolean optionsEnded = false;
        for (int i = from; i < written.size(); i++) {
            String w = written.get(i);
            String e = expanded.get(i);
            if (optionsEnded || !w.startsWith("-") || w.length() == 1) {
                operands.add(new Arg(w, e));
            } else if (w.equals("--")) {
                optionsEnded = true;
            } else if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    int eqx = e.indexOf('=');
                    options.add(new Option(w.substring(0, eq), new Arg(w.substring(eq + 1),
                            eqx > 0 ? e.substring(eqx + 1) : w.substring(eq + 1))));
                } else if (withValue.contains(w) && i + 1 < written.size()) {
                    i++;
                    options.add(new Option(w, new Arg(written.get(i), expanded.get(i))));
                } else {
                    options.add(new Option(w, null));
                }
            } else if (withValue.contains(w)) {
                if (i + 1 < written.size()) {
                    i++;
                    options.add(new Option(w, new Arg(written.get(i), expanded.get(i))));
                } else {
                    options.add(new Option(w, null));
                }
            } else {
                i = bundle(written, expanded, i, withValue);
            }
        }
    }

    private int bundle(List<String> written, List<String> expanded, int i, Set<String> withValue) {
        String w = written.get(i);
        if (w.indexOf('=') > 0) {
            // -o=x style, as some Go tools accept
            int eq = w.indexOf('=');
            options.add(new Option(w.substring(0, eq), new Arg(w.substring(eq + 1), w.substring(eq + 1))));
            return i;
        }
        for (int k = 1; k < w.length(); k++) {
            String name = "-" + w.charAt(k);
            if (withValue.contains(name)) {
                if (k + 1 < w.length()) {
                    String rest = w.substring(k + 1);
                    options.add(new Option(name, new Arg(rest, rest)));
                } else if (i + 1 < written.size()) {
                    i++;
                    options.add(new Option(name, new Arg(written.get(i), expanded.get(i))));
                } else {
                    options.add(new Option(name, null));
                }
                return i;
            }
            options.add(new Option(name, null));
        }
        return i;
    }

    boolean has(String... names) {
        for (Option o : options) {
            for (String n : names) {
                if (o.name().equals(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last value given to any of these options (expanded), or the empty string. */
    String value(String... names) {
        String v = "";
        for (Option o : options) {
            for (String n : names) {
                if (o.name().equals(n) && o.value() != null) {
                    v = o.value().expanded();
                }
            }
        }
        return v;
    }

    /** Every value given to these options, in order (expanded). */
    List<String> values(String... names) {
        List<String> v = new ArrayList<>();
        for (Option o : options) {
            for (String n : names) {
                if (o.name().equals(n) && o.value() != null) {
                    v.add(o.value().expanded());
                }
            }
        }
        return v;
    }
}
