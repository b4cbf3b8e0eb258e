using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChainBot.Server.Tests.Support;

/// <summary>
/// The bot as operators run it: <c>dotnet ChainBot.Server.dll</c>, a process of its own on a free loopback port,
/// which a test can kill as a crash would (SIGKILL: no shutdown, no flush) and start again on the same file.
/// Disposing kills it if it still runs, so a failed test leaves no server behind.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>The server's last lines of output, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return string.Join('\n', _lastLines);
        }
    }

    /// <summary>The repository's root: the folder above the tests that holds ChainBot.sln.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChainBot.sln")))
            root = root.Parent;
        Assert.That(root, Is.Not.Null, "the repository root (ChainBot.sln) above " + TestContext.CurrentContext.TestDirectory);
        return root!.FullName;
    }

    /// <summary>The server assembly under <c>src/ChainBot.Server/bin</c>, built in the configuration the tests were.</summary>
    public static string ServerDll()
    {
        // The tests run from tests/ChainBot.Server.Tests/bin/CONFIGURATION/net10.0: the server was built beside them.
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        string dll = Path.Combine(RepositoryRoot(), "src", "ChainBot.Server", "bin", testDirectory.Parent!.Name, testDirectory.Name, "ChainBot.Server.dll");
        Assert.That(File.Exists(dll), Is.True, dll + " is not built");
        return dll;
    }

    /// <summary>A loopback port free now (the listener that found it is closed before the server binds it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the server in <paramref name="workingDirectory"/> with <paramref name="arguments"/> (each
    /// <c>key=value</c>, given as <c>--key=value</c>) on <paramref name="port"/>, and waits until <c>/healthz</c> answers.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string workingDirectory, int port, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll());
        start.ArgumentList.Add("--urls=" + address.ToString().TrimEnd('/'));
        foreach (string argument in arguments)
            start.ArgumentList.Add("--" + argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                Assert.Fail($"the server exited with {process.ExitCode} before it answered:\n{server.Output}");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > limit)
            {
                server.Kill();
                Assert.Fail($"the server did not answer /healthz within {limit.TotalSeconds:0} s:\n{server.Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no shutdown runs, nothing is flushed; returns once it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            Assert.Fail("the server did not die within 30 s of SIGKILL");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        finally
        {
            _process.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
                _lastLines.Dequeue();
        }
    }
}
