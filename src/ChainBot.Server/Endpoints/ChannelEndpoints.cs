namespace ChainBot.Server.Endpoints;

/// <summary>Every channel's routes: a bridge's generic JSON, the Official Account's and WeCom's callbacks.</summary>
internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGenericEndpoint();
        app.MapWeChatEndpoint();
        app.MapWeComEndpoint();
        return app;
    }
}
