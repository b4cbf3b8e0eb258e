using System.Runtime.InteropServices;
using System.Text;

namespace ChainBot.Cli;

/// <summary>
/// Where the commands write and what they know of their surroundings: stdout as a byte stream (JSON goes there
/// straight from <c>Utf8JsonWriter</c>) and as text over the same stream, stderr, whether stdout is a terminal,
/// the clock, and Ctrl+C. Injected, so tests run the CLI in-process with captured output.
/// </summary>
/// <remarks>Not thread-safe: one command runs at a time.</remarks>
internal sealed class CliConsole : IDisposable
{
    /// <summary>UTF-8 without a byte order mark: what pipes and files expect.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly bool _ownsStreams;
    private readonly bool _catchesSignals;
    private readonly CancellationToken _interrupt;

    /// <summary>
    /// Wraps captured output; the caller keeps ownership of <paramref name="output"/> and <paramref name="error"/>.
    /// Cancelling <paramref name="interrupt"/> is a Ctrl+C.
    /// </summary>
    public CliConsole(Stream output, TextWriter error, bool isTerminal = false, int? width = null, TimeProvider? time = null, CancellationToken interrupt = default)
        : this(output, error, isTerminal, width, time, ownsStreams: false)
    {
        _interrupt = interrupt;
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
        _catchesSignals = ownsStreams;
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

    /// <summary>
    /// Catches Ctrl+C (SIGINT) and SIGTERM until disposed, for a command that talks to a server (<c>post</c>,
    /// <c>load</c>): the first one cancels <see cref="Interruption.Token"/>, so the command stops and still prints
    /// what it did; a second one ends the process as usual. Other commands keep the default: Ctrl+C ends them at once.
    /// </summary>
    public Interruption CatchInterrupts() => new(_catchesSignals, _interrupt);

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

/// <summary>A Ctrl+C caught while a command runs (<see cref="CliConsole.CatchInterrupts"/>).</summary>
/// <remarks>Thread-safe: the signal arrives on a thread of its own.</remarks>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _link;
    private readonly PosixSignalRegistration? _interrupt;
    private readonly PosixSignalRegistration? _terminate;

    /// <summary>Cancelled by <paramref name="external"/> and, when <paramref name="signals"/>, by SIGINT and SIGTERM.</summary>
    public Interruption(bool signals, CancellationToken external)
    {
        _link = external.Register(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        if (signals)
        {
            _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        }
    }

    /// <summary>Cancelled at the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once the command was interrupted.</summary>
    public bool IsInterrupted => _source.IsCancellationRequested;

    /// <summary>Restores the default handling of the signals.</summary>
    public void Dispose()
    {
        _interrupt?.Dispose();
        _terminate?.Dispose();
        _link.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The second Ctrl+C is left to the runtime: whoever presses it twice wants out now.
        if (_source.IsCancellationRequested)
            return;
        context.Cancel = true;
        _source.Cancel();
    }
}
