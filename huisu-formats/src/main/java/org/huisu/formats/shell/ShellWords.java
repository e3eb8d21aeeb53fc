package org.huisu.formats.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huisu.formats.Parsed;

/**
 * Splits shell text (a command line, a script, a crontab command) into its simple commands and their words
 * the way bash reads them: quotes, escapes, expansions and substitutions are recognised and kept as written,
 * nothing is executed. Control structures ({@code if}, {@code while read -r f; do …; done}, {@code case},
 * functions) are not modelled: their keywords are stepped over so that the simple commands inside are found.
 */
public final class ShellWords {

    /** Keywords that may stand before a simple command and are no part of it. */
    private static final Set<String> SKIPPED_KEYWORDS = Set.of("{", "}", "!", "then", "else", "do", "if", "elif",
            "while", "until", "time", "fi", "done", "coproc");

    private ShellWords() {
    }

    /**
     * The simple commands of {@code text}, in order. When the text cannot be read to its end (a quote or a
     * substitution is never closed) the commands before the line where that happens come first and an error
     * saying so comes last.
     */
    public static List<Parsed<SimpleCommand>> split(String text) {
        Split split = read(text);
        List<Parsed<SimpleCommand>> out = new ArrayList<>();
        for (SimpleCommand c : split.commands()) {
            out.add(Parsed.value(c));
        }
        if (split.failure() != null) {
            out.add(Parsed.error("line " + split.failureLine() + ": " + split.failure()));
        }
        return out;
    }

    /** The commands read, and when reading stopped early, the line and a sentence saying why. */
    record Split(List<SimpleCommand> commands, int failureLine, String failure) {
    }

    static Split read(String text) {
        String safe = text == null ? "" : text;
        ShellLexer lexer = new ShellLexer(safe);
        String failure = null;
        int failureLine = 0;
        try {
            lexer.tokenize();
        } catch (ShellLexer.Unreadable e) {
            failure = e.getMessage() + "; the text from that line on is not read";
            failureLine = lexer.lineOf(e.offset);
            lexer.dropUnfinishedLine();
        }
        return new Split(new Grouping(safe, lexer).commands(), failureLine, failure);
    }

    /**
     * The parts of a word's text (quotes already removed, expansions as written, as {@link Word#text()} gives
     * it): {@code $VAR}, {@code ${VAR}}, {@code $(…)} and backquotes become their parts, the rest is literal.
     */
    public static List<WordPart> parts(String wordText) {
        return new ShellLexer(wordText).textParts();
    }

    /** Turns the lexer's tokens into simple commands, stepping over keywords, function heads and case patterns. */
    private static final class Grouping {
        private final String text;
        private final List<ShellLexer.Token> tokens;
        private final ShellLexer lexer;
        private final List<SimpleCommand> out = new ArrayList<>();
        private Builder cur;
        private int caseDepth;
        private boolean inPattern;
        private boolean inCaseHead;
        private boolean skipFunctionName;

        Grouping(String text, ShellLexer lexer) {
            this.text = text;
            this.lexer = lexer;
            this.tokens = lexer.tokens();
        }

        List<SimpleCommand> commands() {
            for (int i = 0; i < tokens.size(); i++) {
                ShellLexer.Token t = tokens.get(i);
                if (t.word() != null) {
                    word(t);
                } else {
                    i = operator(t, i);
                }
            }
            finish("");
            return out;
        }

        private void word(ShellLexer.Token t) {
            Word w = t.word();
            String keyword = w.raw().equals(w.text()) && w.isLiteral() ? w.text() : null;
            if (inCaseHead) {
                if ("in".equals(keyword)) {
                    inCaseHead = false;
                    caseDepth++;
                    inPattern = true;
                }
                return;
            }
            if (caseDepth > 0 && inPattern) {
                if ("esac".equals(keyword)) {
                    caseDepth--;
                    inPattern = false;
                }
                return;
            }
            if (skipFunctionName) {
                skipFunctionName = false;
                return;
            }
            boolean atStart = cur == null || cur.words.isEmpty() && cur.assignments.isEmpty();
            if (atStart && keyword != null) {
                if (SKIPPED_KEYWORDS.contains(keyword)) {
                    return;
                }
                if (keyword.equals("esac")) {
                    caseDepth = Math.max(0, caseDepth - 1);
                    return;
                }
                if (keyword.equals("case")) {
                    inCaseHead = true;
                    return;
                }
                if (keyword.equals("function")) {
                    skipFunctionName = true;
                    return;
                }
            }
            Builder b = builder(t);
            if (b.words.isEmpty() && w.isAssignment()) {
                b.assignments.add(w);
            } else {
                b.words.add(w);
            }
            b.end = t.end();
        }

        private int operator(ShellLexer.Token t, int i) {
            String op = t.operator();
            if (caseDepth > 0 && inPattern) {
                if (op.equals(")")) {
                    inPattern = false;
                }
                return i;
            }
            if (ShellLexer.isRedirection(op)) {
                Builder b = builder(t);
                String target = "";
                if (i + 1 < tokens.size() && tokens.get(i + 1).word() != null) {
                    i++;
                    target = tokens.get(i).word().text();
                    b.end = tokens.get(i).end();
                } else {
                    b.end = t.end();
                }
                b.redirections.add(new Redirection(op, target, t.hereDocument() == null ? "" : t.hereDocument()));
                return i;
            }
            switch (op) {
                case "(" -> {
                    boolean functionHead = cur != null && cur.words.size() == 1 && cur.assignments.isEmpty()
                            && i + 1 < tokens.size() && ")".equals(tokens.get(i + 1).operator());
                    if (functionHead) {
                        cur = null;
                        return i + 1;
                    }
                    finish(op);
                }
                case ";;", ";&", ";;&" -> {
                    finish(op);
                    if (caseDepth > 0) {
                        inPattern = true;
                    }
                }
                default -> finish(op);
            }
            return i;
        }

        private Builder builder(ShellLexer.Token t) {
            if (cur == null) {
                cur = new Builder(lexer.lineOf(t.start()), t.start());
            }
            return cur;
        }

        private void finish(String connector) {
            if (cur != null && (!cur.words.isEmpty() || !cur.assignments.isEmpty())) {
                out.add(new SimpleCommand(cur.line, cur.assignments, cur.words, cur.redirections, connector,
                        text.substring(cur.start, Math.max(cur.start, cur.end))));
            }
            cur = null;
        }
    }

    private static final class Builder {
        final int line;
        final int start;
        int end;
        final List<Word> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
        final List<Redirection> redirections = new ArrayList<>();

        Builder(int line, int start) {
            this.line = line;
            this.start = start;
            this.end = start;
        }
    }
}
