namespace ChainBot.Cli.Output;

/// <summary>A table of the human report, before it is drawn: plain cells, so either renderer can draw it.</summary>
/// <param name="Title">The heading above the table (Entries (4), Unread lines (1)).</param>
/// <param name="Columns">The column headings.</param>
/// <param name="RightAligned">Which columns hold numbers and line up on the right.</param>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlySet<int> RightAligned)
{
    /// <summary>The rows, each with one cell per column.</summary>
    public List<string[]> Rows { get; } = [];

    /// <summary>The row of totals drawn under a rule, if any.</summary>
    public string[]? Footer { get; set; }

    /// <summary>Adds a row, with cells made safe to print (<see cref="Cell"/>).</summary>
    public void Add(params string?[] cells) => Rows.Add(Array.ConvertAll(cells, Cell));

    /// <summary>
    /// Text from the group made safe for one table cell: line breaks shown as " / ", and control characters
    /// (an ESC could smuggle colours or cursor moves into a redirected file) replaced by spaces.
    /// </summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
            return text;
        var cell = new System.Text.StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            if (c is '\n' or '\r')
                cell.Append(" / ");
            else
                cell.Append(char.IsControl(c) ? ' ' : c);
        }
        return cell.ToString();
    }
}
