namespace ChainBot.Cli.Output;

/// <summary>Draws the human report: Spectre.Console on a terminal, aligned plain text when redirected.</summary>
internal interface IReportRenderer
{
    /// <summary>The chain's title, above everything else.</summary>
    void Title(string title);

    /// <summary>A line of facts (Kind: order   Deadline: …).</summary>
    void Line(string text);

    /// <summary>A table under its heading.</summary>
    void Table(ReportTable table);

    /// <summary>Writes out anything buffered.</summary>
    void Flush();
}
