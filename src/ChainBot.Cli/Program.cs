using ChainBot.Cli;

// chainbot parse FILE | tally FILE | replay TRANSCRIPT | segment FILE | post TRANSCRIPT | load TRANSCRIPT — see ChainBotCli.
using var console = CliConsole.FromSystemConsole();  // stdout as a buffered byte stream, stderr, terminal or not
return ChainBotCli.Run(args, console);               // exit 0 or 1; a message, never a stack trace
