package dlbugs.model.corpus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a line of a labelled JSON-lines source becomes the text a model reads, as a user's report
 * of that kind would: an issue from its title and opening post (never its thread, which holds the
 * answer, nor the fixing commit's files), a commit from its message and diff, as
 * {@code label-repo} builds one (subject as title, the rest of the message as text).
 */
public enum ReportShape {
    ISSUE {
        @Override
        BugReport report(JsonNode row, String library) {
            return new BugReport(text(row, "title"), text(row, "body"), "", library);
        }
    },
    COMMIT {
        @Override
        BugReport report(JsonNode row, String library) {
            String message = text(row, "message").strip();
            int eol = message.indexOf('\n');
            return new BugReport(eol < 0 ? message : message.substring(0, eol),
                    eol < 0 ? "" : message.substring(eol + 1).strip(), text(row, "diff"), library);
        }
    };

    abstract BugReport report(JsonNode row, String library);

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
