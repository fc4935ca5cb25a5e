namespace ProcMan.Tests.Infrastructure;

/// <summary>A short-lived procman command (ps, stop, wait, ...) run to its end.</summary>
public static class ProcManCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Lines);

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        await using var run = ProcManRun.Start(workingDirectory, arguments);
        var exitCode = await run.WaitForExitAsync();
        return new Result(exitCode, run.Stdout, run.Stderr, run.Lines);
    }
}
