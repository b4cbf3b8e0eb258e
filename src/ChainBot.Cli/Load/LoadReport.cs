using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Cli.Output;

namespace ChainBot.Cli.Load;

/// <summary>What <c>load</c> prints: tables for a person (<see cref="WriteHuman"/>), or one JSON object (<see cref="WriteJson"/>).</summary>
internal static class LoadReport
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The run, its counts and rates, the errors by kind, and the latency percentiles.</summary>
    public static void WriteHuman(CliConsole console, string path, LoadSettings settings, int groups, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        IReportRenderer renderer = console.IsTerminal ? new SpectreRenderer(console.Out, console.Width) : new PlainTextRenderer(console.Out);
        renderer.Title($"Load: {path} → {string.Join(", ", settings.Urls)}");
        renderer.Line(Invariant($"Target: {settings.Rate:0.##} msg/s for {settings.Duration.TotalSeconds:0.###} s = {result.Planned} requests, {groups} groups, concurrency {settings.Concurrency}, run {result.RunId}"));
        if (result.Interrupted)
            renderer.Line("Interrupted (Ctrl+C): the schedule stopped; the requests in flight were waited for.");

        var counts = new ReportTable("Requests", ["", "Count"], new HashSet<int> { 1 });
        counts.Add("sent", Number(result.Sent));
        counts.Add("accepted", Number(result.Accepted));
        counts.Add("duplicate", Number(result.Duplicate));
        counts.Add("failed", Number(result.Failed));
        counts.Add("not sent", Number(result.NotSent));
        counts.Add("waited for a connection", Number(result.DelayedByConcurrency));
        renderer.Table(counts);

        if (result.Errors.Count > 0)
        {
            var errors = new ReportTable("Errors by kind", ["Kind", "Count", "First seen"], new HashSet<int> { 1 });
            foreach (var error in result.Errors)
                errors.Add(error.Kind, Number(error.Count), error.Example);
            renderer.Table(errors);
        }

        renderer.Line(string.Empty);
        renderer.Line(Invariant($"Rate: {result.SentPerSecond:0.0} msg/s sent, {result.AcceptedPerSecond:0.0} msg/s accepted, over {result.Elapsed.TotalSeconds:0.00} s"));

        var latency = new ReportTable(Invariant($"Acknowledgement latency, ms ({result.Answered} answers)"), ["From", "p50", "p90", "p99", "max"], new HashSet<int> { 1, 2, 3, 4 });
        AddLatency(latency, "send", result.FromSend);
        AddLatency(latency, "schedule", result.FromSchedule);
        renderer.Table(latency);
        renderer.Flush();
    }

    /// <summary>The same as one JSON object, on one line.</summary>
    public static void WriteJson(CliConsole console, string path, LoadSettings settings, int groups, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        console.Out.Flush();
        using (var json = new Utf8JsonWriter(console.OutputStream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("transcript", path);
            json.WriteString("url", settings.Urls[0].ToString());
            json.WriteStartArray("urls");
            foreach (var url in settings.Urls)
                json.WriteStringValue(url.ToString());
            json.WriteEndArray();
            json.WriteString("runId", result.RunId);
            json.WriteStartObject("target");
            json.WriteNumber("rate", settings.Rate);
            json.WriteNumber("durationSeconds", settings.Duration.TotalSeconds);
            json.WriteNumber("requests", result.Planned);
            json.WriteNumber("groups", groups);
            json.WriteNumber("concurrency", settings.Concurrency);
            json.WriteNumber("timeoutMs", settings.Timeout.TotalMilliseconds);
            json.WriteEndObject();
            json.WriteNumber("sent", result.Sent);
            json.WriteNumber("answered", result.Answered);
            json.WriteNumber("accepted", result.Accepted);
            json.WriteNumber("duplicate", result.Duplicate);
            json.WriteNumber("failed", result.Failed);
            json.WriteNumber("notSent", result.NotSent);
            json.WriteNumber("waitedForConnection", result.DelayedByConcurrency);
            json.WriteBoolean("interrupted", result.Interrupted);
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteStartObject();
                json.WriteString("kind", error.Kind);
                json.WriteNumber("count", error.Count);
                json.WriteString("example", error.Example);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            json.WriteNumber("sentPerSecond", Math.Round(result.SentPerSecond, 1));
            json.WriteNumber("acceptedPerSecond", Math.Round(result.AcceptedPerSecond, 1));
            json.WriteStartObject("latencyMs");
            WriteLatency(json, "fromSend", result.FromSend);
            WriteLatency(json, "fromSchedule", result.FromSchedule);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        console.OutputStream.WriteByte((byte)'\n');
    }

    private static void AddLatency(ReportTable table, string from, LatencySummary? latency)
    {
        if (latency is { } l)
            table.Add(from, Milliseconds(l.P50), Milliseconds(l.P90), Milliseconds(l.P99), Milliseconds(l.Max));
        else
            table.Add(from, "-", "-", "-", "-");
    }

    private static void WriteLatency(Utf8JsonWriter json, string name, LatencySummary? latency)
    {
        if (latency is not { } l)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("p50", Math.Round(l.P50, 3));
        json.WriteNumber("p90", Math.Round(l.P90, 3));
        json.WriteNumber("p99", Math.Round(l.P99, 3));
        json.WriteNumber("max", Math.Round(l.Max, 3));
        json.WriteEndObject();
    }

    private static string Milliseconds(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
