package org.huisu.formats.shell;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One shell word: {@code raw} as it stands in the text (quotes and all) and its parts. {@link #text()} is the
 * word with quotes removed and expansions left as written ({@code "$SRC/a b"} reads {@code $SRC/a b}).
 */
public record Word(String raw, List<WordPart> parts) {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", Pattern.DOTALL);

    public Word {
        parts = List.copyOf(parts);
    }

    /** The word without quotes, expansions as written. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (WordPart p : parts) {
            b.append(p.text());
        }
        return b.toString();
    }

    /** True when the word holds no expansion or substitution: its text is what the shell would use. */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof WordPart.Literal);
    }

    /** True for {@code NAME=value} (or {@code NAME+=value}) with the name unquoted. */
    public boolean isAssignment() {
        if (parts.isEmpty() || !(parts.get(0) instanceof WordPart.Literal first) || first.quoted()) {
            return false;
        }
        int eq = first.text().indexOf('=');
        return eq > 0 && ASSIGNMENT.matcher(first.text()).matches();
    }

    /** For an assignment, the name; otherwise the empty string. */
    public String assignedName() {
        if (!isAssignment()) {
            return "";
        }
        String t = ((WordPart.Literal) parts.get(0)).text();
        String name = t.substring(0, t.indexOf('='));
        return name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
    }

    /** For an assignment, the value's parts (what follows the {@code =}); otherwise all parts. */
    public List<WordPart> assignedValue() {
        if (!isAssignment()) {
            return parts;
        }
        WordPart.Literal first = (WordPart.Literal) parts.get(0);
        String rest = first.text().substring(first.text().indexOf('=') + 1);
        List<WordPart> value = new java.util.ArrayList<>();
        if (!rest.isEmpty()) {
            value.add(new WordPart.Literal(rest, false));
        }
        value.addAll(parts.subList(1, parts.size()));
        return value;
    }
}
