using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainBot.Server.Tests.Dashboard;

/// Reads a downloaded workbook back with the Open XML SDK: each sheet's rows as text, in order, by sheet name.
internal static class WorkbookReader
{
    public static Dictionary<string, List<string[]>> Sheets(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            sheets[sheet.Name!.Value!] = [.. part.Worksheet.Descendants<Row>().Select(static row => row.Elements<Cell>()
                .Select(static cell => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "")
                .ToArray())];
        }
        return sheets;
    }
}
