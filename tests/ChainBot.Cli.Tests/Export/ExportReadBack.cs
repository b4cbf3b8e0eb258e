using ChainBot.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainBot.Cli.Tests.Export;

/// <summary>One table read back from an export: its sheet (or file) name, then header, rows and total line as text.</summary>
internal sealed record ReadTable(string Name, string[] Header, List<string[]> Rows, string[]? Total)
{
    /// <summary>The column named <paramref name="name"/>.</summary>
    public int Column(string name)
    {
        int index = Array.IndexOf(Header, name);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"{Name} has no column {name}: {string.Join(",", Header)}");
        return index;
    }

    /// <summary>Every cell's text, header and title included.</summary>
    public IEnumerable<string> AllText => Header.Concat(Rows.SelectMany(static r => r)).Concat(Total ?? []);
}

/// <summary>Reads an export back: a workbook with the Open XML SDK, a CSV folder with <see cref="CsvReader"/>.</summary>
internal static class ExportReadBack
{
    /// <summary>The sheets of a workbook in order; the title line above each table is returned in <paramref name="titles"/>.</summary>
    public static List<ReadTable> Workbook(string path, List<string>? titles = null)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var tables = new List<ReadTable>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>().Select(Cells).ToList();
            titles?.Add(rows[0].Length > 0 ? rows[0][0] : "");
            tables.Add(Split(sheet.Name!.Value!, rows.Skip(1).ToList()));
        }
        return tables;
    }

    /// <summary>The CSV files of a folder in name order, named without their number (01 ) and extension.</summary>
    public static List<ReadTable> CsvFolder(string folder) =>
        Directory.GetFiles(folder, "*.csv")
            .Order(StringComparer.Ordinal)
            .Select(f => Split(Path.GetFileNameWithoutExtension(f)[3..], CsvReader.ReadFile(f)))
            .ToList();

    /// <summary>Header first; the last row is the total line when it starts with 合计.</summary>
    private static ReadTable Split(string name, List<string[]> rows)
    {
        var header = rows[0];
        var body = rows.Skip(1).Select(r => Pad(r, header.Length)).ToList();
        string[]? total = null;
        if (body.Count > 0 && body[^1][0] == ExportTableBuilder.TotalLabel)
        {
            total = body[^1];
            body.RemoveAt(body.Count - 1);
        }
        return new ReadTable(name, header, body, total);
    }

    private static string[] Pad(string[] row, int width) => row.Length >= width ? row : [.. row, .. new string[width - row.Length].Select(static _ => "")];

    /// <summary>A row's cells by column letter, blanks for missing cells.</summary>
    private static string[] Cells(Row row)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            int column = ColumnIndex(cell.CellReference!.Value!);
            while (cells.Count < column)
                cells.Add("");
            cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "");
        }
        return [.. cells];
    }

    private static int ColumnIndex(string reference)
    {
        int index = 0;
        foreach (char c in reference.TakeWhile(char.IsAsciiLetterUpper))
            index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
