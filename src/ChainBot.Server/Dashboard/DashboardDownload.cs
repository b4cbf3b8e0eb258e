using System.Globalization;
using System.IO.Compression;
using System.Text;
using ChainBot.Core.Merging;
using ChainBot.Exports;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// A chain's export as a download from the dashboard: the workbook (导出 Excel), the CSV files in one zip
/// (导出 CSV), or the coordinator's workbook with phone numbers (导出 Excel（含电话）). Built in memory from
/// <see cref="ExportTableBuilder"/>, as <c>chainbot export</c> writes them to disk.
/// </summary>
/// <param name="Name">The kind in the download's address: <c>xlsx</c>, <c>csv</c>, <c>xlsx-phones</c>.</param>
/// <param name="Label">The button's text.</param>
/// <param name="Phones">True for the export with phone numbers.</param>
internal sealed record DashboardDownload(string Name, string Label, bool Phones)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // UTF-8 with a byte-order mark, as CsvExportWriter writes its files, so Excel and WPS read the Chinese right.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The downloads, in the order of the page's buttons.</summary>
    public static readonly IReadOnlyList<DashboardDownload> Kinds =
    [
        new("xlsx", "导出 Excel", Phones: false),
        new("csv", "导出 CSV", Phones: false),
        new("xlsx-phones", "导出 Excel（含电话）", Phones: true),
    ];

    /// <summary>The kind named <paramref name="name"/>; null for none.</summary>
    public static DashboardDownload? Find(string name) => Kinds.FirstOrDefault(kind => kind.Name == name);

    /// <summary>The file for <paramref name="chain"/>: its name, content type and bytes.</summary>
    public (string FileName, string ContentType, byte[] Bytes) Make(ChainState chain)
    {
        var tables = ExportTableBuilder.Build(chain, Phones);
        string name = ExportNames.FileName(tables.ChainTitle + (Phones ? " 含电话" : ""));
        using var stream = new MemoryStream();
        if (Name == "csv")
        {
            WriteZip(tables, stream);
            return (name + ".zip", "application/zip", stream.ToArray());
        }
        XlsxExportWriter.Write(tables, stream);
        return (name + ".xlsx", XlsxType, stream.ToArray());
    }

    /// <summary>One CSV file per table, numbered in the workbook's order, as <see cref="CsvExportWriter"/> names them.</summary>
    private static void WriteZip(ExportTables tables, Stream stream)
    {
        var all = tables.All.ToList();
        var names = ExportNames.SheetNames(all.Select(static (t, i) => string.Create(
            CultureInfo.InvariantCulture, $"{i + 1:00} {ExportNames.FileName(t.Name)}")));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        for (int i = 0; i < all.Count; i++)
        {
            using var writer = new StreamWriter(zip.CreateEntry(names[i] + ".csv").Open(), Utf8WithBom);
            CsvExportWriter.Write(all[i], writer);
        }
    }
}
