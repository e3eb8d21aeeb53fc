package org.huisu.formats.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads shell text into words and operators; knows quoting, expansions and here-documents, nothing more. */
final class ShellLexer {

    static final String[] OPERATORS = {";;&", "<<<", "&>>", "<<-", ";;", ";&", "&&", "||", "|&", "<<", ">>", ">&",
        "<&", "<>", ">|", "&>", ";", "&", "|", "<", ">", "(", ")"};

    /** A word (with {@code word} set) or an operator; a newline is the operator {@code "\n"}. */
    static final class Token {
        private final Word word;
        private final String operator;
        private final int start;
        private final int end;
        private String hereDocument;

        Token(Word word, String operator, int start, int end) {
            this.word = word;
            this.operator = operator;
            this.start = start;
            this.end = end;
        }

        Word word() {
            return word;
        }

        String operator() {
            return operator;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        String hereDocument() {
            return hereDocument;
        }
    }

    /** The text cannot be read on from {@code offset}. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Unreadable(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final int MAX_NESTING = 200;

    private final String s;
    private final int n;
    private int nesting;
    private final int[] lineStarts;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Token> pendingHereDocs = new ArrayList<>();
    private final List<String> pendingDelimiters = new ArrayList<>();
    private Token awaitingDelimiter;

    // word being built
    private List<WordPart> parts;
    private StringBuilder literal;
    private boolean literalQuoted;

    ShellLexer(String text) {
        this.s = text == null ? "" : text;
        this.n = s.length();
        int count = 1;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int k = 1;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
    }

    List<Token> tokens() {
        return tokens;
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    static boolean isRedirection(String op) {
        return op.indexOf('<') >= 0 || op.indexOf('>') >= 0;
    }

    /** After a failure, forget the tokens of the line it happened on (its command is incomplete). */
    void dropUnfinishedLine() {
        int i = tokens.size() - 1;
        while (i >= 0 && !"\n".equals(tokens.get(i).operator())) {
            i--;
        }
        tokens.subList(i + 1, tokens.size()).clear();
    }

    void tokenize() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '\n') {
                tokens.add(new Token(null, "\n", pos, pos + 1));
                pos++;
                readHereDocuments();
            } else if (c == '#') {
                while (pos < n && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < n && s.charAt(pos + 1) == '(') {
                int start = pos;
                int end = closeParens(pos + 1, start);
                // an arithmetic command, or the head of for ((…)): one word
                String raw = s.substring(start, end + 1);
                pos = end + 1;
                addWord(new Word(raw, List.of(new WordPart.Arithmetic(raw, raw, false))), start);
            } else if (Character.isDigit(c) && fdRedirection()) {
                int start = pos;
                while (Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                String op = operatorAt(pos);
                pos += op.length();
                addOperator(s.substring(start, pos), start);
            } else if (isOperatorStart(c) && !isProcessSubstitution()) {
                String op = operatorAt(pos);
                int start = pos;
                pos += op.length();
                addOperator(op, start);
            } else {
                int start = pos;
                Word w = readWord();
                addWord(w, start);
            }
        }
    }

    private void addOperator(String op, int start) {
        Token t = new Token(null, op, start, pos);
        tokens.add(t);
        if (op.endsWith("<<") || op.endsWith("<<-")) {
            awaitingDelimiter = t;
        }
    }

    private void addWord(Word w, int start) {
        tokens.add(new Token(w, null, start, pos));
        if (awaitingDelimiter != null) {
            pendingHereDocs.add(awaitingDelimiter);
            pendingDelimiters.add(w.text());
            awaitingDelimiter = null;
        }
    }

    private void readHereDocuments() {
        for (int k = 0; k < pendingHereDocs.size(); k++) {
            Token t = pendingHereDocs.get(k);
            String delimiter = pendingDelimiters.get(k);
            boolean stripTabs = t.operator().endsWith("-");
            StringBuilder body = new StringBuilder();
            while (pos < n) {
                int nl = s.indexOf('\n', pos);
                int lineEnd = nl < 0 ? n : nl;
                String line = s.substring(pos, lineEnd);
                pos = nl < 0 ? n : nl + 1;
                String compared = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (stripTabs) {
                    compared = compared.replaceFirst("^\t+", "");
                    line = line.replaceFirst("^\t+", "");
                }
                if (compared.equals(delimiter)) {
                    break;
                }
                body.append(line).append('\n');
            }
            t.hereDocument = body.toString();
        }
        pendingHereDocs.clear();
        pendingDelimiters.clear();
    }

    private boolean fdRedirection() {
        int i = pos;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && (i + 1 >= n || s.charAt(i + 1) != '(');
    }

    private static boolean isOperatorStart(char c) {
        return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private boolean isProcessSubstitution() {
        char c = s.charAt(pos);
        return (c == '<' || c == '>') && pos + 1 < n && s.charAt(pos + 1) == '(';
    }

    private String operatorAt(int at) {
        for (String op : OPERATORS) {
            if (s.startsWith(op, at)) {
                return op;
            }
        }
        return String.valueOf(s.charAt(at));
    }

    /** The parts of a word's text: only expansions are special there. */
    List<WordPart> textParts() {
        startWord();
        while (pos < n) {
            char c = s.charAt(pos);
            try {
                if (c == '$') {
                    readDollar(false);
                    continue;
                }
                if (c == '`') {
                    readBackquote(false);
                    continue;
                }
            } catch (Unreadable e) {
                appendLiteral(s.substring(pos), false);
                pos = n;
                break;
            }
            appendLiteral(c, false);
            pos++;
        }
        flushLiteral();
        return List.copyOf(parts);
    }

    private void startWord() {
        parts = new ArrayList<>();
        literal = new StringBuilder();
        literalQuoted = false;
    }

    private Word readWord() {
        int start = pos;
        startWord();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                break;
            }
            if (isOperatorStart(c)) {
                if ((c == '<' || c == '>') && pos + 1 < n && s.charAt(pos + 1) == '(') {
                    int end = closeParens(pos + 1, pos);
                    flushLiteral();
                    parts.add(new WordPart.CommandSubstitution(s.substring(pos + 2, end), s.substring(pos, end + 1),
                            false));
                    pos = end + 1;
                    continue;
                }
                if (c == '(' && endsWithAssignmentSign(start)) {
                    // NAME=( a b c ): an array, one word
                    int end = closeParens(pos, pos);
                    appendLiteral(s.substring(pos, end + 1), false);
                    pos = end + 1;
                    continue;
                }
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (pos + 1 >= n) {
                        appendLiteral('\\', false);
                        pos++;
                    } else if (s.charAt(pos + 1) == '\n') {
                        pos += 2;
                    } else {
                        appendLiteral(s.charAt(pos + 1), true);
                        pos += 2;
                    }
                }
                case '\'' -> {
                    int close = s.indexOf('\'', pos + 1);
                    if (close < 0) {
                        throw new Unreadable("a single quote is opened and never closed", pos);
                    }
                    appendLiteral(s.substring(pos + 1, close), true);
                    pos = close + 1;
                }
                case '"' -> readDoubleQuoted();
                case '$' -> readDollar(false);
                case '`' -> readBackquote(false);
                default -> {
                    appendLiteral(c, false);
                    pos++;
                }
            }
        }
        flushLiteral();
        return new Word(s.substring(start, pos), parts);
    }

    private boolean endsWithAssignmentSign(int wordStart) {
        if (pos == wordStart || s.charAt(pos - 1) != '=') {
            return false;
        }
        String head = s.substring(wordStart, pos - 1);
        return head.matches("[A-Za-z_][A-Za-z0-9_]*\\+?");
    }

    private void readDoubleQuoted() {
        int open = pos;
        pos++;
        while (true) {
            if (pos >= n) {
                throw new Unreadable("a double quote is opened and never closed", open);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < n) {
                char d = s.charAt(pos + 1);
                if (d == '\n') {
                    pos += 2;
                } else if (d == '$' || d == '`' || d == '"' || d == '\\') {
                    appendLiteral(d, true);
                    pos += 2;
                } else {
                    appendLiteral('\\', true);
                    pos++;
                }
            } else if (c == '$') {
                readDollar(true);
            } else if (c == '`') {
                readBackquote(true);
            } else {
                appendLiteral(c, true);
                pos++;
            }
        }
    }

    private void readDollar(boolean quoted) {
        int start = pos;
        char next = pos + 1 < n ? s.charAt(pos + 1) : 0;
        if (next == '(' && pos + 2 < n && s.charAt(pos + 2) == '(') {
            int end = closeParens(pos + 1, start);
            flushLiteral();
            String raw = s.substring(start, end + 1);
            String inner = raw.length() >= 5 ? raw.substring(3, raw.length() - 2) : "";
            parts.add(new WordPart.Arithmetic(inner, raw, quoted));
            pos = end + 1;
        } else if (next == '(') {
            int end = closeParens(pos + 1, start);
            flushLiteral();
            parts.add(new WordPart.CommandSubstitution(s.substring(pos + 2, end), s.substring(start, end + 1), quoted));
            pos = end + 1;
        } else if (next == '{') {
            int end = closeBrace(pos + 1, start);
            flushLiteral();
            String raw = s.substring(start, end + 1);
            parts.add(new WordPart.Variable(parameterName(raw.substring(2, raw.length() - 1)), raw, quoted));
            pos = end + 1;
        } else if (next == '\'' && !quoted) {
            pos += 2;
            readAnsiC(start);
        } else if (next == '"' && !quoted) {
            pos++;
            readDoubleQuoted();
        } else if (next == '_' || Character.isLetter(next) && next < 128) {
            int i = pos + 1;
            while (i < n && (s.charAt(i) == '_' || Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128)) {
                i++;
            }
            flushLiteral();
            parts.add(new WordPart.Variable(s.substring(pos + 1, i), s.substring(start, i), quoted));
            pos = i;
        } else if (next != 0 && "0123456789@*#?$!-".indexOf(next) >= 0) {
            flushLiteral();
            parts.add(new WordPart.Variable(String.valueOf(next), s.substring(start, start + 2), quoted));
            pos += 2;
        } else {
            appendLiteral('$', quoted);
            pos++;
        }
    }

    /** The parameter a {@code ${…}} expansion reads: {@code DAY} of {@code DAY:-x}, {@code #DAY}, {@code !p}. */
    static String parameterName(String inner) {
        int i = 0;
        if (i < inner.length() && (inner.charAt(i) == '#' || inner.charAt(i) == '!') && inner.length() > 1) {
            i++;
        }
        int from = i;
        if (i < inner.length() && "@*#?$!-".indexOf(inner.charAt(i)) >= 0) {
            return inner.substring(from, i + 1);
        }
        while (i < inner.length() && (inner.charAt(i) == '_' || Character.isLetterOrDigit(inner.charAt(i)))) {
            i++;
        }
        return inner.substring(from, i);
    }

    private void readAnsiC(int start) {
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= n) {
                throw new Unreadable("a $'…' string is opened and never closed", start);
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < n) {
                char d = s.charAt(pos + 1);
                pos += 2;
                switch (d) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'a' -> b.append('\u0007');
                    case 'b' -> b.append('\b');
                    case 'e', 'E' -> b.append('\u001b');
                    case 'f' -> b.append('\f');
                    case 'v' -> b.append('\u000b');
                    case 'x' -> {
                        int i = pos;
                        while (i < n && i < pos + 2 && Character.digit(s.charAt(i), 16) >= 0) {
                            i++;
                        }
                        if (i > pos) {
                            b.append((char) Integer.parseInt(s.substring(pos, i), 16));
                            pos = i;
                        } else {
                            b.append("\\x");
                        }
                    }
                    default -> b.append(d);
                }
            } else {
                b.append(c);
                pos++;
            }
        }
        appendLiteral(b.toString(), true);
    }

    private void readBackquote(boolean quoted) {
        int start = pos;
        StringBuilder inner = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= n) {
                throw new Unreadable("a backquote is opened and never closed", start);
            }
            char c = s.charAt(i);
            if (c == '`') {
                break;
            }
            if (c == '\\' && i + 1 < n && "`\\$".indexOf(s.charAt(i + 1)) >= 0) {
                inner.append(s.charAt(i + 1));
                i += 2;
            } else {
                inner.append(c);
                i++;
            }
        }
        flushLiteral();
        parts.add(new WordPart.CommandSubstitution(inner.toString(), s.substring(start, i + 1), quoted));
        pos = i + 1;
    }

    /** Index of the parenthesis that closes the one at {@code open}; quotes and nesting are respected. */
    private int closeParens(int open, int reportAt) {
        // substitutions inside quotes inside substitutions recurse; evidence may nest them without end
        if (++nesting > MAX_NESTING) {
            throw new Unreadable("substitutions are nested more than " + MAX_NESTING + " deep", reportAt);
        }
        try {
            return closeParensUnguarded(open, reportAt);
        } finally {
            nesting--;
        }
    }

    private int closeParensUnguarded(int open, int reportAt) {
        int depth = 0;
        int i = open;
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i += 2;
                case '\'' -> {
                    int close = s.indexOf('\'', i + 1);
                    if (close < 0) {
                        throw new Unreadable("a single quote is opened and never closed", i);
                    }
                    i = close + 1;
                }
                case '"' -> i = skipDoubleQuoted(i);
                case '`' -> i = skipBackquoted(i);
                case '(' -> {
                    depth++;
                    i++;
                }
                case ')' -> {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                    i++;
                }
                default -> i++;
            }
        }
        throw new Unreadable("a parenthesis is opened and never closed", reportAt);
    }

    private int closeBrace(int open, int reportAt) {
        int depth = 0;
        int i = open;
        while (i < n) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i += 2;
                case '\'' -> {
                    int close = s.indexOf('\'', i + 1);
                    i = close < 0 ? n : close + 1;
                }
                case '"' -> i = skipDoubleQuoted(i);
                case '{' -> {
                    depth++;
                    i++;
                }
                case '}' -> {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                    i++;
                }
                default -> i++;
            }
        }
        throw new Unreadable("a ${ is opened and never closed", reportAt);
    }

    private int skipDoubleQuoted(int open) {
        int i = open + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                i = closeParens(i + 1, i) + 1;
            } else if (c == '`') {
                i = skipBackquoted(i);
            } else {
                i++;
            }
        }
        throw new Unreadable("a double quote is opened and never closed", open);
    }

    private int skipBackquoted(int open) {
        int i = open + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new Unreadable("a backquote is opened and never closed", open);
    }

    private void appendLiteral(char c, boolean quoted) {
        if (literal.length() > 0 && literalQuoted != quoted) {
            flushLiteral();
        }
        literalQuoted = quoted;
        literal.append(c);
    }

    private void appendLiteral(String text, boolean quoted) {
        if (literal.length() > 0 && literalQuoted != quoted) {
            flushLiteral();
        }
        literalQuoted = quoted;
        literal.append(text);
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(new WordPart.Literal(literal.toString(), literalQuoted));
            literal.setLength(0);
        }
    }
}
