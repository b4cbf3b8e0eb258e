using System.Globalization;
using System.Text;

namespace ChainBot.Exports;

/// <summary>
/// Writes a chain's <see cref="ExportTables"/> as a folder of CSV files, one per table, numbered in the workbook's
/// order (01 供应商订单.csv, one 分楼清单 file per building, then 收款.csv and 待核对.csv): RFC 4180, CRLF line ends,
/// UTF-8 with a byte-order mark so Excel and WPS read the Chinese right instead of guessing GBK. Each file is the
/// header row, the rows, then the total line.
/// </summary>
public static class CsvExportWriter
{
    /// <summary>UTF-8 with its byte-order mark.</summary>
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the tables into <paramref name="folder"/> (created if missing); returns the files written, in order.</summary>
    public static IReadOnlyList<string> Write(ExportTables tables, string folder)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return Write([.. tables.All], folder);
    }

    /// <summary>
    /// Writes any tables (a ledger's: <see cref="LedgerTableBuilder"/>) into <paramref name="folder"/> (created if
    /// missing), a numbered file per table in order; returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ExportTable> all, string folder)
    {
        ArgumentNullException.ThrowIfNull(all);
        Directory.CreateDirectory(folder);
        // Numbered (01 供应商订单.csv, 02 分楼清单 3号楼.csv …) so a folder listing shows them in the workbook's order.
        var names = ExportNames.SheetNames(all.Select(static (t, i) => string.Create(
            CultureInfo.InvariantCulture, $"{i + 1:00} {ExportNames.FileName(t.Name)}")));
        var files = new List<string>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            string path = Path.Combine(folder, names[i] + ".csv");
            using (var writer = new StreamWriter(path, append: false, Utf8WithBom))
                Write(all[i], writer);
            files.Add(path);
        }
        return files;
    }

    /// <summary>One table as CSV text: header, rows, total line.</summary>
    public static void Write(ExportTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        WriteRow(writer, table.Columns.Select(static c => c));
        foreach (var row in table.Rows)
            WriteRow(writer, row.Select(static c => c.ToString()));
        if (table.Total is { } total)
            WriteRow(writer, total.Select(static c => c.ToString()));
    }

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        bool first = true;
        foreach (string field in fields)
        {
            if (!first)
                writer.Write(',');
            first = false;
            WriteField(writer, field);
        }
        writer.Write("\r\n");
    }

    /// <summary>A field, quoted when it holds a comma, quote, line break or leading/trailing space (RFC 4180 §2.6–2.7).</summary>
    private static void WriteField(TextWriter writer, string field)
    {
        bool quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        if (!quote)
        {
            writer.Write(field);
            return;
        }
        writer.Write('"');
        writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
