package dlbugs.model.corpus;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the study's label spreadsheets ({@code dataset/{SO,Github}/<Lib>_{SO,Github}_Final.xlsx}
 * inside {@code dataset.zip}) and its ICSE 2020 fix-pattern workbook with Apache POI.
 */
public final class LabelSheets {

    /**
     * One labelled row: the file it came from, its 1-based row number, its reference and the
     * raw cells after the reference (label columns in the file's order).
     */
    public record SheetRow(String file, int rowNumber, Source source, String library, String ref, List<String> cells) {
        public SheetRow {
            cells = List.copyOf(cells);
        }
    }

    private static final DataFormatter FORMAT = new DataFormatter();

    private LabelSheets() {
    }

    /**
     * Reads every labelled row of every workbook in the artifact. The labelled sheet is the one
     * whose first header cell is {@code Post#} or {@code Github Commit Links}; the others are
     * the authors' pivot tables.
     *
     * @param datasetZip the authors' {@code dataset.zip}
     * @param labelCols  how many cells after the reference to keep
     * @return the rows in file order
     */
    public static List<SheetRow> readStudyRows(Path datasetZip, int labelCols) throws CorpusFormatException {
        List<SheetRow> rows = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(datasetZip))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".xlsx") || name.contains("__MACOSX")) {
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                Source source = base.contains("_SO_") ? Source.STACKOVERFLOW : Source.GITHUB;
                String library = Libraries.canonical(base.substring(0, base.indexOf('_')));
                forEachLabelledRow(zip.readAllBytes(), base, labelCols,
                        (row, ref, cells) -> rows.add(new SheetRow(base, row, source, library, ref, cells)));
            }
        } catch (IOException ex) {
            throw new CorpusFormatException("cannot read " + datasetZip + ": " + ex.getMessage(), ex);
        }
        if (rows.isEmpty()) {
            throw new CorpusFormatException(datasetZip + " holds no sheet headed Post# or Github Commit Links");
        }
        return rows;
    }

    /**
     * Reads the fix-pattern workbook's {@code StackOverflow} and {@code GitHub} sheets
     * (columns: Bug, Bug Fix Pattern from Prior Study, Bug Fix Pattern, Library, Bug Type).
     *
     * @return rows whose cells are [prior pattern, fix pattern, library, bug type]
     */
    public static List<SheetRow> readFixPatternRows(Path workbook) throws CorpusFormatException {
        List<SheetRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = WorkbookFactory.create(in)) {
            for (String sheetName : List.of("StackOverflow", "GitHub")) {
                Sheet sheet = wb.getSheet(sheetName);
                if (sheet == null) {
                    throw new CorpusFormatException(workbook + " has no sheet " + sheetName);
                }
                Source source = sheetName.equals("GitHub") ? Source.GITHUB : Source.STACKOVERFLOW;
                readRows(sheet, 4, (row, ref, cells) -> rows.add(
                        new SheetRow(sheetName, row, source, Libraries.canonical(cells.get(2)), ref, cells)));
            }
        } catch (IOException ex) {
            throw new CorpusFormatException("cannot read " + workbook + ": " + ex.getMessage(), ex);
        }
        return rows;
    }

    private interface RowSink {
        void accept(int rowNumber, String ref, List<String> cells);
    }

    private static void forEachLabelledRow(byte[] xlsx, String file, int labelCols, RowSink sink)
            throws IOException, CorpusFormatException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                String first = text(sheet.getRow(sheet.getFirstRowNum()), 0);
                if (first.equals("Post#") || first.equals("Github Commit Links")) {
                    readRows(sheet, labelCols, sink);
                    return;
                }
            }
        }
        throw new CorpusFormatException(file + " has no sheet headed Post# or Github Commit Links");
    }

    private static void readRows(Sheet sheet, int cols, RowSink sink) {
        for (Row row : sheet) {
            if (row.getRowNum() == sheet.getFirstRowNum()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= cols; c++) {
                cells.add(text(row, c));
            }
            String ref = text(row, 0);
            if (!ref.isEmpty() || cells.stream().anyMatch(s -> !s.isEmpty())) {
                sink.accept(row.getRowNum() + 1, ref, cells);
            }
        }
    }

    private static String text(Row row, int col) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(col);
        return cell == null ? "" : FORMAT.formatCellValue(cell).strip();
    }

}
