package dlbugs.model.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in a caller's words: what is wrong and where, without the parser's
 * class names, settings, token names or source descriptions.
 */
final class JsonErrors {

    private static final Pattern SETTING = Pattern.compile(
            ":? ?enable `[^`]*` to allow|,? ?(from|as per|bound as) `[^`]*`|\\(`[^`]*`[^)]*\\)|`[^`]*`"
                    + "|\\s*\\([^()]*Feature '[^']*'[^()]*\\)");
    private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code \\d+\\)\\)");
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern TOKEN = Pattern.compile("\\b(?:START|END|VALUE|FIELD|NOT)_[A-Z_]+\\b");
    private static final Map<String, String> TOKENS = Map.of(
            "VALUE_STRING", "a string", "FIELD_NAME", "a field name", "START_OBJECT", "an object",
            "START_ARRAY", "an array", "END_OBJECT", "the end of an object", "END_ARRAY", "the end of an array",
            "VALUE_NUMBER_INT", "a number", "VALUE_NUMBER_FLOAT", "a number");

    private JsonErrors() {
    }

    /** @return the error and where it is, e.g. "unexpected character '}' … (line 1, column 9)" */
    static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String message = plain(e.getOriginalMessage());
        return where == null || where.getLineNr() < 0 ? message
                : message + ClassifyRequestReader.at(where.getLineNr(), where.getColumnNr());
    }

    /** @return the message's first line, with Jackson's internals taken out */
    static String plain(String message) {
        String s = message == null ? "unreadable input" : message;
        for (String cut : new String[] {"\n", " (start marker", " at [Source"}) {
            int i = s.indexOf(cut);
            s = i < 0 ? s : s.substring(0, i);
        }
        s = s.replace("expected close marker for Object", "the object is not closed")
                .replace("expected close marker for Array", "the array is not closed")
                .replaceAll("(?i)unexpected close marker '(.)': no open (Object|Array) to close", "'$1' closes nothing");
        s = CONTROL.matcher(s).replaceAll("(a control character)");
        s = CODE.matcher(s).replaceAll("");
        s = SETTING.matcher(s).replaceAll("");
        Matcher token = TOKEN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(out, Matcher.quoteReplacement(TOKENS.getOrDefault(token.group(),
                    token.group().toLowerCase(Locale.ROOT).replace('_', ' '))));
        }
        token.appendTail(out);
        String text = out.toString().replaceAll("\\s+\\)", ")").replaceAll("\\s{2,}", " ").strip();
        return text.isEmpty() ? "unreadable input" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
