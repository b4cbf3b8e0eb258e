namespace ChainBot.Server.Options;

/// <summary>
/// The section <c>ChainBot:Telemetry</c>: where OpenTelemetry sends the bot's metrics and traces. With no OTLP
/// endpoint nothing is exported (and nothing listens to the meter or the activity source but local tools).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Telemetry";

    /// <summary>The OTLP exporter.</summary>
    public OtlpOptions Otlp { get; set; } = new();
}

/// <summary>The section <c>ChainBot:Telemetry:Otlp</c>.</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector's address (<c>http://127.0.0.1:4317</c> for gRPC, <c>…:4318</c> for HTTP); none: no export.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The service name the collector files the data under. Default <c>chainbot</c>.</summary>
    public string ServiceName { get; set; } = "chainbot";
}
