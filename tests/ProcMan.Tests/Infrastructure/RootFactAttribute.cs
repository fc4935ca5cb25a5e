using ProcMan.Processes.Linux;
using Xunit;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A test that acts as another user (chown, setuid) and so needs root, and maybe a tool:
/// skipped, with the reason, where either is missing.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>A program the test runs, looked up on PATH.</summary>
    public string? Tool { get; set; }

    public override string Skip
    {
        get => base.Skip ?? Missing()!;
        set => base.Skip = value;
    }

    private string? Missing()
    {
        if (LibC.GetEffectiveUserId() != 0)
            return "needs root, to make files of another user";
        if (Tool is not null && !OnPath(Tool))
            return $"needs {Tool} on PATH";
        return null;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
