namespace ChainBot.Cli.Webhooks;

/// <summary>
/// Prints whole lines to stdout from several threads (the posting loop, the reply endpoint), each flushed at once:
/// a person watching a demo sees every message and reply as it happens.
/// </summary>
/// <remarks>Thread-safe; the console itself is not, so nothing else may write to it meanwhile.</remarks>
internal sealed class LinePrinter(CliConsole console)
{
    private readonly Lock _gate = new();

    /// <summary>Writes the lines, together, and flushes them.</summary>
    public void Print(params ReadOnlySpan<string> lines)
    {
        lock (_gate)
        {
            foreach (string line in lines)
                console.Out.WriteLine(line);
            console.Flush();
        }
    }

    /// <summary>Writes one line to stderr.</summary>
    public void Complain(string line)
    {
        lock (_gate)
        {
            console.Flush();
            console.Error.WriteLine(line);
            console.Error.Flush();
        }
    }
}
