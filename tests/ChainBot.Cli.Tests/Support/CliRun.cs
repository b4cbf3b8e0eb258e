using System.Diagnostics;
using System.Text;
using ChainBot.Cli.Input;

namespace ChainBot.Cli.Tests.Support;

/// <summary>What one run of the CLI left behind.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs chainbot in-process (the entry Program uses, with captured output) or as a real process.</summary>
internal static class CliRun
{
    public static readonly DateTimeOffset Now = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Runs the CLI on captured output. The clock is <see cref="Now"/> unless <paramref name="time"/> is given (post and
    /// load sign with it, so a real endpoint needs the real clock); cancelling <paramref name="interrupt"/> is a Ctrl+C.
    /// </summary>
    public static CliResult InProcess(string[] args, bool terminal = false, PostParser? parse = null, TimeProvider? time = null, CancellationToken interrupt = default)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        int code;
        using (var console = new CliConsole(stdout, stderr, isTerminal: terminal, width: terminal ? 120 : null, time: time ?? new FixedTime(Now), interrupt: interrupt))
            code = ChainBotCli.Run(args, console, parse);
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static CliResult AsProcess(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "chainbot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = stderrTask.GetAwaiter().GetResult();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("chainbot did not exit");
        }
        return new CliResult(process.ExitCode, stdout, stderr);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

/// <summary>A scratch directory per test, deleted afterwards.</summary>
internal sealed class TempDir
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "chainbot-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content) => WriteBytes(name, new UTF8Encoding(false).GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Delete() => Directory.Delete(Root, recursive: true);
}
