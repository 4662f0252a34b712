package dev.tandem.server.history;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV rows (RFC 4180) that are safe to open in a spreadsheet: a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} so it is never read as a
 * formula, and cells with commas, quotes or line breaks are quoted.
 */
final class CsvCells {
    private CsvCells() {
    }

    static String row(List<?> cells) {
        return cells.stream().map(c -> cell(c == null ? "" : String.valueOf(c))).collect(Collectors.joining(","))
                + "\r\n";
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
