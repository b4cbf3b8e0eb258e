using System.Globalization;
using ChainBot.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainBot.Exports;

/// <summary>
/// Writes a chain's <see cref="ExportTables"/> as one workbook (.xlsx), a sheet per table, with the Open XML SDK:
/// on each sheet a title line, the header row, the rows and the total line (bold), numbers as numbers so the
/// coordinator can sum and sort, text as inline strings, columns wide enough for their Chinese.
/// </summary>
public static class XlsxExportWriter
{
    private const uint PlainStyle = 1;
    private const uint BoldStyle = 2;
    private const uint TitleStyle = 3;

    /// <summary>Writes the workbook to <paramref name="path"/>, replacing any file there.</summary>
    public static void Write(ExportTables tables, string path)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        Write(tables, document);
    }

    /// <summary>
    /// Writes the workbook into <paramref name="stream"/>, which must be readable, writable and seekable (a
    /// <see cref="MemoryStream"/> for a download): a zip package is written back and forth.
    /// </summary>
    public static void Write(ExportTables tables, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(stream);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        Write(tables, document);
    }

    /// <summary>
    /// Writes any tables (a ledger's: <see cref="LedgerTableBuilder"/>) as one workbook at <paramref name="path"/>,
    /// a sheet per table in order, replacing any file there.
    /// </summary>
    public static void Write(IReadOnlyList<ExportTable> tables, string path)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        Write(tables, document);
    }

    private static void Write(ExportTables tables, SpreadsheetDocument document) => Write([.. tables.All], document);

    private static void Write(IReadOnlyList<ExportTable> all, SpreadsheetDocument document)
    {
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        var names = ExportNames.SheetNames(all.Select(static t => t.Name));
        var printTitles = new DefinedNames();
        for (int i = 0; i < all.Count; i++)
        {
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = Worksheet(all[i]);
            sheets.AppendChild(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = (uint)(i + 1),
                Name = names[i],
            });
            // The title and header rows repeat on every printed page of a long building list.
            printTitles.AppendChild(new DefinedName($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!$1:$2")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)i,
            });
        }
        workbookPart.Workbook.AppendChild(printTitles);
        workbookPart.Workbook.Save();
    }

    /// <summary>
    /// One table as a sheet that also prints as a volunteer needs it on delivery day: every cell of the table boxed
    /// (the empty 签收 column too, to sign in), the header frozen on screen and repeated on paper, one page wide.
    /// </summary>
    private static Worksheet Worksheet(ExportTable table)
    {
        int width = table.Columns.Length;
        var data = new SheetData();
        uint row = 1;
        data.AppendChild(Row(row++, [ExportCell.Of(table.Title)], TitleStyle, 1));
        data.AppendChild(Row(row++, table.Columns.Select(ExportCell.Of), BoldStyle, width));
        foreach (var cells in table.Rows)
            data.AppendChild(Row(row++, cells, PlainStyle, width));
        if (table.Total is { } total)
            data.AppendChild(Row(row, total, BoldStyle, width));

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            {
                WorkbookViewId = 0,
            }));
        var columns = Columns(table);
        if (columns.HasChildren)
            worksheet.AppendChild(columns);
        worksheet.AppendChild(data);
        worksheet.AppendChild(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        // As many pages down as it takes, never wider than one.
        worksheet.AppendChild(new PageSetup { PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    /// <summary>A row of cells; empty cells up to <paramref name="width"/> are written too, so their box prints.</summary>
    private static Row Row(uint index, IEnumerable<ExportCell> cells, uint style, int width)
    {
        var row = new Row { RowIndex = index };
        if (style == PlainStyle)
        {
            // Room to tick or sign on paper.
            row.Height = 20;
            row.CustomHeight = true;
        }
        int column = 0;
        foreach (var cell in cells.Concat(Enumerable.Repeat(ExportCell.Empty, width)).Take(Math.Max(width, 1)))
        {
            string reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is decimal number)
            {
                row.AppendChild(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(ExportCell.Format(number)),
                    StyleIndex = style,
                });
            }
            else if (cell.Text is { Length: > 0 } text)
            {
                row.AppendChild(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = style,
                });
            }
            else if (style != TitleStyle)
            {
                row.AppendChild(new Cell { CellReference = reference, StyleIndex = style });
            }
        }
        return row;
    }

    /// <summary>Column widths from the widest cell (a Chinese character counts two), between 6 and 60.</summary>
    private static Columns Columns(ExportTable table)
    {
        var widths = new int[table.Columns.Length];
        void Measure(int i, string text)
        {
            if (i < widths.Length)
                widths[i] = Math.Max(widths[i], DisplayWidth.Of(text.AsSpan()));
        }
        for (int i = 0; i < table.Columns.Length; i++)
            Measure(i, table.Columns[i]);
        foreach (var cells in table.Total is { } total ? table.Rows.Add(total) : table.Rows)
        {
            for (int i = 0; i < cells.Length; i++)
                Measure(i, cells[i].ToString());
        }
        var columns = new Columns();
        for (int i = 0; i < widths.Length; i++)
        {
            // A column no row fills (签收) is there to write in by hand: room for a signature and a time.
            bool blank = table.Rows.All(cells => i >= cells.Length || cells[i] == ExportCell.Empty);
            columns.AppendChild(new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = Math.Clamp(widths[i] + 2, blank ? 16 : 6, 60),
                CustomWidth = true,
            });
        }
        return columns;
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    private static string ColumnName(int index)
    {
        string name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// Four cell formats: a table cell and a bold one (header, total), both boxed with thin lines; the bold title
    /// line above the table, unboxed; and nothing (index 0, Excel's default for cells written without a style).
    /// </summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 13 })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder())) { Count = 2 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 1, ApplyFont = true, ApplyBorder = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true }) { Count = 4 });

    private static T Thin<T>(T border) where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.AppendChild(new Color { Indexed = 64 });
        return border;
    }
}
