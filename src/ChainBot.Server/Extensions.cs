using ChainBot.Core.Parsing;
using ChainBot.Server.Dashboard;
using ChainBot.Server.Endpoints;
using ChainBot.Server.Exports;
using ChainBot.Server.Instances;
using ChainBot.Server.Options;
using ChainBot.Server.Outbox;
using ChainBot.Server.Pipeline;
using ChainBot.Storage;
using ChainBot.Storage.Postgres;
using ChainBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ChainBot.Server;

/// <summary>The server's composition: each piece registered by one extension, as Program reads them.</summary>
internal static class Extensions
{
    /// <summary>The default address: loopback only, until configuration says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Requests larger than this are refused (413) before anything reads them.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    public static IHostApplicationBuilder AddChainBotDefaults(this IHostApplicationBuilder builder)
    {
        if (builder is WebApplicationBuilder web && string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            web.WebHost.UseUrls(DefaultUrl);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Services.AddSingleton(TimeProvider.System);

        var parser = builder.Configuration.GetSection(ChainParserOptions.Section).Get<ChainParserOptions>() ?? new ChainParserOptions();
        builder.Services.AddSingleton(_ => new ChainParserBuilder().UseOptions(parser).Build());
        return builder;
    }

    public static IHostApplicationBuilder AddChainBotPipeline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Dictionary<string, GroupOptions>>().BindConfiguration(GroupOptions.Section);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CompoundFile>();
        builder.Services.AddSingleton<IValidateOptions<CompoundOptions>, CompoundOptionsValidator>();
        builder.Services.AddOptions<CompoundOptions>().BindConfiguration(CompoundOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<ConfiguredCompound>();
        builder.Services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InstanceIdentity>();
        builder.Services.AddSingleton<GroupDirectory>();
        builder.Services.AddSingleton<Appointments>();
        builder.Services.AddSingleton<PassiveReplies>();
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ReplyResilience>();
        builder.Services.AddHostedService<InboxProcessor>();
        builder.Services.AddHostedService<OutboxSender>();
        return builder;
    }

    public static IHostApplicationBuilder AddChainBotExports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ExportLinks>();
        return builder;
    }

    public static IHostApplicationBuilder AddChainBotChannels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenericChannelOptions>().BindConfiguration(GenericChannelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GenericChannel>();
        builder.Services.AddHttpClient(GenericReplyTransport.ClientName);
        builder.Services.AddSingleton<IReplyTransport, GenericReplyTransport>();

        builder.Services.AddSingleton<IValidateOptions<WeChatOptions>, ChannelOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<WeComOptions>, ChannelOptionsValidator>();
        builder.Services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<WeChatAccounts>();
        builder.Services.AddSingleton<WeChatTokens>();
        builder.Services.AddSingleton<WeComApps>();
        builder.Services.AddHttpClient(WeChatReplyTransport.ClientName);
        builder.Services.AddHttpClient(WeComRobotTransport.ClientName);
        builder.Services.AddSingleton<IReplyTransport, WeChatReplyTransport>();
        builder.Services.AddSingleton<IReplyTransport, WeComRobotTransport>();
        return builder;
    }

    public static IHostApplicationBuilder AddChainBotStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IChainBotStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = services.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Postgres => new PostgresChainBotStore(
                    new PostgresStoreOptions { ConnectionString = options.Postgres.ConnectionString! },
                    time,
                    services.GetRequiredService<ILogger<PostgresChainBotStore>>()),
                // Relative to where the bot was started: ./data/ on a fresh clone.
                _ => new SqliteChainBotStore(
                    new SqliteStoreOptions { Path = System.IO.Path.GetFullPath(options.Sqlite.Path) },
                    time,
                    services.GetRequiredService<ILogger<SqliteChainBotStore>>()),
            };
        });
        return builder;
    }

    public static IHostApplicationBuilder AddChainBotDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<DashboardAccess>();
        return builder;
    }
}
