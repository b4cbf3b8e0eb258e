using ChainBot.Server;

ChainBotApp.Create(args).Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
