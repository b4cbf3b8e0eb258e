using System.Text;

namespace ChainBot.Cli;

/// <summary>
/// Where the commands write and what they know of their surroundings: stdout as a byte stream (JSON goes there
/// straight from <c>Utf8JsonWriter</c>) and as text over the same stream, stderr, whether stdout is a terminal,
/// and the clock. Injected, so tests run the CLI in-process with captured output.
/// </summary>
/// <remarks>Not thread-safe: one command runs at a time.</remarks>
internal sealed class CliConsole : IDisposable
{
    /// <summary>UTF-8 without a byte order mark: what pipes and files expect.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly bool _ownsStreams;

    /// <summary>Wraps captured output; the caller keeps ownership of <paramref name="output"/> and <paramref name="error"/>.</summary>
    public CliConsole(Stream output, TextWriter error, bool isTerminal = false, int? width = null, TimeProvider? time = null)
        : this(output, error, isTerminal, width, time, ownsStreams: false)
    {
    }

    private CliConsole(Stream output, TextWriter error, bool isTerminal, int? width, TimeProvider? time, bool ownsStreams)
    {
        OutputStream = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        Out = new StreamWriter(output, Utf8, bufferSize: 1 << 14, leaveOpen: true);
        IsTerminal = isTerminal;
        Width = width;
        Time = time ?? TimeProvider.System;
        _ownsStreams = ownsStreams;
    }

    /// <summary>Standard output as bytes. Flush <see cref="Out"/> before writing here.</summary>
    public Stream OutputStream { get; }

    /// <summary>Standard output as UTF-8 text, buffered over <see cref="OutputStream"/>.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: messages about the input, never the result.</summary>
    public TextWriter Error { get; }

    /// <summary>True when stdout is a terminal: tables are drawn with Spectre.Console, in colour where it can.</summary>
    public bool IsTerminal { get; }

    /// <summary>The terminal's width in columns, when known.</summary>
    public int? Width { get; }

    /// <summary>The clock: "now" is the time of a plain-text post given without <c>--time</c>.</summary>
    public TimeProvider Time { get; }

    /// <summary>The process's own console: a 64 KB buffered stdout stream, stderr, and whether stdout is redirected.</summary>
    public static CliConsole FromSystemConsole()
    {
        bool terminal = !Console.IsOutputRedirected;
        var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        return new CliConsole(stdout, Console.Error, terminal, terminal ? WindowWidth() : null, TimeProvider.System, ownsStreams: true);
    }

    /// <summary>Pushes buffered text and bytes out to stdout.</summary>
    public void Flush()
    {
        Out.Flush();
        OutputStream.Flush();
    }

    /// <summary>Flushes; closes stdout when this console opened it.</summary>
    public void Dispose()
    {
        try
        {
            Flush();
        }
        catch (IOException)
        {
            // stdout was closed under us (chainbot … | head): nothing left to tell anyone.
        }
        Out.Dispose();
        if (_ownsStreams)
            OutputStream.Dispose();
    }

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
