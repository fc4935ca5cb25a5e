using Xunit;

namespace ProcMan.Tests.Infrastructure;

/// <summary>A test that runs a program (looked up on PATH): skipped, with the reason, where it is missing.</summary>
public sealed class ToolFactAttribute(string tool) : FactAttribute
{
    public override string Skip
    {
        get => base.Skip ?? (OnPath(tool) ? null! : $"needs {tool} on PATH");
        set => base.Skip = value;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
