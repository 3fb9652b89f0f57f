using Dgm.Cli;

return await DgmApp.RunAsync(args, Console.Out, Console.Error);
