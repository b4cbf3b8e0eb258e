using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainBot.Server.Tests.Support;

/// <summary>A downloaded workbook read back with the Open XML SDK: each sheet's name and its rows of cell text.</summary>
internal static class Workbook
{
    /// <summary>The sheets in order, each row's cells as text (inline strings and numbers as written).</summary>
    public static List<(string Name, List<string[]> Rows)> Read(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        return [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>()
                .Select(static row => row.Elements<Cell>().Select(static cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").ToArray())
                .ToList();
            return (sheet.Name!.Value!, rows);
        })];
    }
}
