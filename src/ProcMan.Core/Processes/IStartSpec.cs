namespace ProcMan.Processes;

/// <summary>
/// What a launcher needs to start a child, all resolved: nothing is added to it. The
/// configuration's instances are one kind (Configuration's <c>ProcessSpec</c>).
/// </summary>
internal interface IStartSpec
{
    /// <summary>The name messages about the child give it.</summary>
    string Name { get; }

    /// <summary>The argv to execute (a shell command is <see cref="ShellCommand.Arguments"/>).</summary>
    IReadOnlyList<string> Arguments { get; }

    /// <summary>An absolute directory.</summary>
    string WorkingDirectory { get; }

    /// <summary>The child's complete environment.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }
}
