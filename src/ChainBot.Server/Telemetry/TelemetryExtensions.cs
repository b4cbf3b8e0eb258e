using ChainBot.Server.Options;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChainBot.Server.Telemetry;

/// <summary>The bot's metrics, traces and readiness limits, registered as Program reads them.</summary>
internal static class TelemetryExtensions
{
    /// <summary>
    /// The meter and its health sampler, the readiness limits (<c>ChainBot:Health</c>), and, when
    /// <c>ChainBot:Telemetry:Otlp:Endpoint</c> is set, OpenTelemetry exporting the bot's meter and spans with ASP.NET
    /// Core's over OTLP, with the log records (which hold ids and counts, never a message's text). Without an endpoint the SDK is not added at all: nothing listens, so the hot path pays nothing.
    /// </summary>
    public static IHostApplicationBuilder AddChainBotTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddSingleton<ChainBotMetrics>();
        builder.Services.AddHostedService<StoreWatch>();

        var otlp = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Otlp;
        if (otlp?.Endpoint is not { } endpoint)
            return builder;
        var protocol = otlp.Protocol switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions),
                [$"ChainBot:Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf', not '{otlp.Protocol}'."]),
        };
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(otlp.ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(ChainBotMetrics.MeterName).AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddSource(ChainBotActivities.SourceName).AddAspNetCoreInstrumentation())
            .UseOtlpExporter(protocol, endpoint);
        return builder;
    }
}
