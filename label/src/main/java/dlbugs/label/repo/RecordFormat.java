package dlbugs.label.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * How records are written, one per line in both formats (a CSV field never holds a line break),
 * so a file cut short by a crash loses at most its last, partial line.
 */
public enum RecordFormat {

    /** One JSON object per line. */
    JSONL {
        @Override
        public Optional<String> header(List<String> heads) {
            return Optional.empty();
        }

        @Override
        public String line(LabelRecord r) {
            ObjectNode n = JSON.createObjectNode().put("sha", r.sha()).put("date", r.date()).put("author", r.author())
                    .put("subject", r.subject()).put("library", r.library());
            r.files().forEach(n.putArray("files")::add);
            r.dlFiles().forEach(n.putArray("dl_files")::add);
            n.put("truncated", r.truncated());
            if (r.hunk() != null) {
                n.putObject("hunk").put("file", r.hunk().file()).put("index", r.hunk().index());
            }
            n.put("model_version", r.modelVersion());
            ObjectNode heads = n.putObject("heads");
            r.heads().forEach(h -> heads.putObject(h.head()).put("label", h.label())
                    .put("confidence", round(h.confidence())).put("accepted", h.accepted()));
            try {
                return JSON.writeValueAsString(n);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public LabelRecord parse(String line, List<String> header) throws IOException {
            JsonNode n = JSON.readTree(line);
            JsonNode hunk = n.path("hunk");
            List<LabelRecord.HeadLabel> heads = new ArrayList<>();
            n.path("heads").fields().forEachRemaining(e -> heads.add(new LabelRecord.HeadLabel(e.getKey(),
                    e.getValue().path("label").asText(), e.getValue().path("confidence").asDouble(),
                    e.getValue().path("accepted").asBoolean())));
            return new LabelRecord(required(n, "sha"), n.path("date").asText(), n.path("author").asText(),
                    n.path("subject").asText(), n.path("library").asText(), texts(n.path("files")),
                    texts(n.path("dl_files")), n.path("truncated").asBoolean(),
                    hunk.isObject() ? new LabelRecord.Hunk(hunk.path("file").asText(), hunk.path("index").asInt()) : null,
                    n.path("model_version").asText(), heads);
        }
    },

    /** Comma-separated values with a header line; three columns per head. */
    CSV {
        @Override
        public Optional<String> header(List<String> heads) {
            List<String> cols = new ArrayList<>(FIXED);
            heads.forEach(h -> cols.addAll(List.of(h, h + "_confidence", h + "_accepted")));
            return Optional.of(row(cols));
        }

        @Override
        public String line(LabelRecord r) {
            List<String> cells = new ArrayList<>(List.of(r.sha(), r.date(), r.author(), r.subject(), r.library(),
                    String.join(";", r.files()), String.join(";", r.dlFiles()), String.valueOf(r.truncated()),
                    r.hunk() == null ? "" : r.hunk().file(), r.hunk() == null ? "" : String.valueOf(r.hunk().index()),
                    r.modelVersion()));
            r.heads().forEach(h -> cells.addAll(List.of(h.label(), String.valueOf(round(h.confidence())),
                    String.valueOf(h.accepted()))));
            return row(cells);
        }

        @Override
        public LabelRecord parse(String line, List<String> header) throws IOException {
            List<String> c = cells(line);
            if (c.size() != header.size()) {
                throw new IllegalArgumentException(c.size() + " columns where the header has " + header.size());
            }
            List<LabelRecord.HeadLabel> heads = new ArrayList<>();
            for (int i = FIXED.size(); i + 2 < c.size(); i += 3) {
                heads.add(new LabelRecord.HeadLabel(header.get(i), c.get(i), Double.parseDouble(c.get(i + 1)),
                        Boolean.parseBoolean(c.get(i + 2))));
            }
            LabelRecord.Hunk hunk = c.get(8).isEmpty() ? null : new LabelRecord.Hunk(c.get(8), Integer.parseInt(c.get(9)));
            return new LabelRecord(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), split(c.get(5)), split(c.get(6)),
                    Boolean.parseBoolean(c.get(7)), hunk, c.get(10), heads);
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final List<String> FIXED = List.of("sha", "date", "author", "subject", "library", "files",
            "dl_files", "truncated", "hunk_file", "hunk_index", "model_version");

    /** @return the header line for a model with these heads, if the format has one */
    public abstract Optional<String> header(List<String> heads);

    /** @return the record as one line, without a line break */
    public abstract String line(LabelRecord record);

    /**
     * @param header the file's header columns (CSV), empty for JSONL
     * @throws IOException              if the line is not valid JSON or CSV
     * @throws IllegalArgumentException if it lacks a field the record needs
     */
    public abstract LabelRecord parse(String line, List<String> header) throws IOException;

    /** @return the format named by {@code file}'s extension: CSV for {@code .csv}, else JSONL */
    public static RecordFormat forFile(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }

    /** @return a header line's columns */
    static List<String> cells(String line) throws IOException {
        Iterator<String[]> rows = CSV_MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(line);
        return rows.hasNext() ? Arrays.asList(rows.next()) : List.of();
    }

    private static String row(List<String> cells) {
        try {
            String s = CSV_MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema())
                    .writeValueAsString(cells.stream().map(RecordFormat::oneLine).toArray(String[]::new));
            return s.stripTrailing();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(";"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String required(JsonNode n, String field) {
        if (!n.path(field).isTextual()) {
            throw new IllegalArgumentException("no \"" + field + "\" field");
        }
        return n.path(field).asText();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
