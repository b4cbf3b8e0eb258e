using Spectre.Console;

namespace ChainBot.Cli.Output;

/// <summary>Draws the report with Spectre.Console tables, for a person at a terminal.</summary>
internal sealed class SpectreRenderer : IReportRenderer
{
    private readonly IAnsiConsole _console;
    private readonly TextWriter _output;

    /// <summary>Draws on <paramref name="output"/>, which is a terminal <paramref name="width"/> columns wide.</summary>
    public SpectreRenderer(TextWriter output, int? width)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // The caller has established that stdout is a terminal; Spectre cannot tell through a stream wrapper.
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (width is int columns)
            _console.Profile.Width = columns;
    }

    /// <inheritdoc />
    public void Title(string title) =>
        _console.Write(new Rule(Markup.Escape(ReportTable.Cell(title))) { Justification = Justify.Left });

    /// <inheritdoc />
    public void Line(string text) => _console.WriteLine(ReportTable.Cell(text));

    /// <inheritdoc />
    public void Table(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var grid = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(table.Title)) };
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var column = new TableColumn(new Text(table.Columns[i], new Style(decoration: Decoration.Bold)));
            if (table.RightAligned.Contains(i))
                column.RightAligned();
            grid.AddColumn(column);
        }
        foreach (var row in table.Rows)
            grid.AddRow(Array.ConvertAll(row, static cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
        if (table.Footer is not null)
        {
            grid.ShowFooters = true;
            for (int i = 0; i < grid.Columns.Count && i < table.Footer.Length; i++)
                grid.Columns[i].Footer = new Text(table.Footer[i], new Style(decoration: Decoration.Bold));
        }
        _console.WriteLine();
        _console.Write(grid);
    }

    /// <inheritdoc />
    public void Flush() => _output.Flush();
}
