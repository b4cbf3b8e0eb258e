using ChainBot.Exports;

namespace ChainBot.Cli.Commands;

/// <summary>
/// Writes an export's tables as <c>--format</c> asks, for <c>export</c> and <c>ledger</c> alike: one workbook
/// (<c>DIR/NAME.xlsx</c>), or a folder of CSV files (<c>DIR/NAME/</c>); then one line saying what was written.
/// </summary>
internal static class TableFiles
{
    /// <summary>Writes <paramref name="tables"/> under <paramref name="folder"/> as <paramref name="name"/>, and says so, ending with <paramref name="summary"/>.</summary>
    public static void Write(CliConsole console, IReadOnlyList<ExportTable> tables, string format, string folder, string name, string summary)
    {
        if (format == "xlsx")
        {
            string target = Path.Combine(folder, name + ".xlsx");
            XlsxExportWriter.Write(tables, target);
            console.Out.WriteLine($"{target}: {tables.Count} sheets, {summary}");
        }
        else
        {
            string target = Path.Combine(folder, name);
            var files = CsvExportWriter.Write(tables, target);
            console.Out.WriteLine($"{target}{Path.DirectorySeparatorChar}: {files.Count} files, {summary}");
        }
    }
}
