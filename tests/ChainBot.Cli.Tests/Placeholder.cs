namespace ChainBot.Cli.Tests;
