using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChainBot.Server.Tests.Instances;

/// <summary>
/// A real ChainBot server process (<c>dotnet ChainBot.Server.dll</c>, the Release build the test run already has) on a
/// free loopback port, configured through environment variables as an operator would. Its output is kept (the last
/// lines) to explain a failure. Disposing kills it if it still runs.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// Where it listens.
    public Uri Address { get; }

    /// True until it exits (or is killed).
    public bool Running => !_process.HasExited;

    /// The last lines it wrote to stdout and stderr.
    public string Output => string.Join('\n', _output);

    /// The Release build of the server, found above the test's own directory.
    public static string ServerDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "src", "ChainBot.Server", "bin", "Release", "net10.0", "ChainBot.Server.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        Assert.Fail("src/ChainBot.Server/bin/Release/net10.0/ChainBot.Server.dll not found: build the solution in Release first.");
        return "";
    }

    /// <summary>
    /// Starts a server with <paramref name="settings"/> (configuration keys, <c>ChainBot:…</c>) in <paramref name="workingDirectory"/>,
    /// on <paramref name="port"/> (a restart keeps its address, as bridges keep their URL) or a free one.
    /// </summary>
    public static ServerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll());
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// Waits (bounded) until <c>/healthz</c> answers 200; fails with the process's output otherwise.
    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!Running)
                Assert.Fail($"The server on {Address} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The server on {Address} was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// SIGKILL: no shutdown, no lease given up, whatever it was doing cut off.
    public void Kill()
    {
        if (Running)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited already.
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines)
            _output.TryDequeue(out _);
    }

    /// A loopback port free now.
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
