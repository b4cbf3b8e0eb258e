using ChainBot.Core.Merging;
using ChainBot.Exports;

namespace ChainBot.Server.Exports;

/// <summary>
/// A chain's export as a download: the workbook (or a zip of the CSV files), its content type and its file name
/// (接龙3 蔬菜团购.xlsx). Never with phone numbers: the link it is served under was posted in the group.
/// </summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The name a browser saves it under.</param>
internal sealed record ExportFile(byte[] Content, string ContentType, string FileName)
{
    /// <summary>The media type of an xlsx workbook.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The media type of a zip archive.</summary>
    public const string ZipType = "application/zip";

    /// <summary>Builds the file of <paramref name="chain"/> in <paramref name="format"/>.</summary>
    public static ExportFile Of(ChainState chain, ExportFormat format)
    {
        var tables = ExportTableBuilder.Build(chain, phones: false);
        string name = ExportNames.FileName($"接龙{chain.ChainId} {tables.ChainTitle}");
        using var stream = new MemoryStream();
        if (format == ExportFormat.Csv)
        {
            CsvExportWriter.WriteZip(tables, stream);
            return new ExportFile(stream.ToArray(), ZipType, name + ".zip");
        }
        XlsxExportWriter.Write(tables, stream);
        return new ExportFile(stream.ToArray(), XlsxType, name + ".xlsx");
    }
}
