namespace ProcMan.Tests.Infrastructure;

/// <summary>A short-lived procman command (ps, stop, wait, ...) run to its end.</summary>
public static class ProcManCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Lines);

    public static Task<Result> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, environment: null, arguments);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        await using var run = ProcManRun.Start(workingDirectory, arguments, environment);
        var exitCode = await run.WaitForExitAsync();
        return new Result(exitCode, run.Stdout, run.Stderr, run.Lines);
    }
}
