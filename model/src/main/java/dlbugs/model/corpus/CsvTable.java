package dlbugs.model.corpus;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a CSV file with a header row into one map per row (quoted fields may span lines). */
final class CsvTable {

    private CsvTable() {
    }

    static List<Map<String, String>> read(Path file, String... requiredColumns) throws CorpusFormatException {
        CsvMapper mapper = new CsvMapper();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            List<Map<String, String>> rows = it.readAll();
            for (String col : requiredColumns) {
                if (!rows.isEmpty() && !rows.get(0).containsKey(col)) {
                    throw new CorpusFormatException(file + " has no column " + col + "; found " + rows.get(0).keySet());
                }
            }
            return rows;
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
