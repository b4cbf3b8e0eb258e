using ChainBot.Server.Dashboard;
using ChainBot.Server.Endpoints;
using ChainBot.Server.Exports;
using ChainBot.Server.Telemetry;

namespace ChainBot.Server;

/// <summary>The bot as an application: what <c>dotnet run</c> starts, and what the integration tests start on loopback.</summary>
public static class ChainBotApp
{
    /// <summary>Builds the application from command-line arguments and the usual configuration sources.</summary>
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <summary>As <see cref="Create(string[])"/>, with services replaced last: the tests' clock.</summary>
    internal static WebApplication Create(string[] args, Action<IServiceCollection>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddChainBotDefaults();   // options, parser, Kestrel on 127.0.0.1:5080, request limits
        builder.AddChainBotStorage();    // inbox, outbox, coordinators (SQLite under ./data/)
        builder.AddChainBotPipeline();   // merger per group, inbox processor, outbox sender
        builder.AddChainBotChannels();   // generic JSON, WeChat Official Account, WeCom
        builder.AddChainBotDashboard();  // the coordinators' read-only web page, behind configured tokens
        builder.AddChainBotExports();    // 导出's download links
        builder.AddChainBotTelemetry();  // metrics, traces (OTLP when configured), readiness limits

        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealthEndpoints();        // /healthz, /readyz
        app.MapChannelEndpoints();       // /webhook/generic, /webhook/wechat/{account}, /webhook/wecom/{app}
        app.MapDashboardEndpoints();     // /dashboard?token=…: groups, chains, exports
        app.MapExportEndpoints();        // /exports/{token}
        return app;
    }
}
