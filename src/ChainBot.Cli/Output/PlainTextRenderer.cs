using ChainBot.Core.Text;

namespace ChainBot.Cli.Output;

/// <summary>
/// Draws the report as plain text with columns lined up by display width (a Chinese character is two columns):
/// what goes into files and pipes, with no ANSI codes.
/// </summary>
internal sealed class PlainTextRenderer(TextWriter output) : IReportRenderer
{
    private const string Gap = "  ";

    /// <inheritdoc />
    public void Title(string title)
    {
        output.WriteLine(ReportTable.Cell(title));
        output.WriteLine(new string('=', Math.Max(DisplayWidth.Of(title), 4)));
    }

    /// <inheritdoc />
    public void Line(string text) => output.WriteLine(ReportTable.Cell(text));

    /// <inheritdoc />
    public void Table(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        output.WriteLine();
        output.WriteLine(table.Title);
        int[] widths = new int[table.Columns.Count];
        Measure(widths, table.Columns);
        foreach (var row in table.Rows)
            Measure(widths, row);
        if (table.Footer is not null)
            Measure(widths, table.Footer);

        WriteRow(widths, table.Columns, table.RightAligned);
        WriteRule(widths);
        foreach (var row in table.Rows)
            WriteRow(widths, row, table.RightAligned);
        if (table.Footer is not null)
        {
            WriteRule(widths);
            WriteRow(widths, table.Footer, table.RightAligned);
        }
    }

    /// <inheritdoc />
    public void Flush() => output.Flush();

    private static void Measure(int[] widths, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < widths.Length && i < cells.Count; i++)
            widths[i] = Math.Max(widths[i], DisplayWidth.Of(cells[i]));
    }

    private void WriteRule(int[] widths)
    {
        for (int i = 0; i < widths.Length; i++)
        {
            if (i > 0)
                output.Write(Gap);
            output.Write(new string('-', widths[i]));
        }
        output.WriteLine();
    }

    private void WriteRow(int[] widths, IReadOnlyList<string> cells, IReadOnlySet<int> rightAligned)
    {
        // Padding goes only between cells: a trailing run of spaces would be noise in diffs and greps.
        int last = widths.Length - 1;
        while (last > 0 && (last >= cells.Count || cells[last].Length == 0))
            last--;
        for (int i = 0; i <= last; i++)
        {
            string cell = i < cells.Count ? cells[i] : string.Empty;
            int pad = widths[i] - DisplayWidth.Of(cell);
            if (i > 0)
                output.Write(Gap);
            if (rightAligned.Contains(i))
            {
                output.Write(new string(' ', pad));
                output.Write(cell);
            }
            else
            {
                output.Write(cell);
                if (i < last)
                    output.Write(new string(' ', pad));
            }
        }
        output.WriteLine();
    }
}
