namespace ProcMan.Supervision;

/// <summary>A reason from outside the children to stop them all.</summary>
/// <param name="Reason">Said in the <c>procman |</c> line that announces the stop.</param>
/// <param name="ExitCode">ProcMan's exit code when this comes before any child ended.</param>
/// <param name="ForcesOnRepeat">A second such request kills at once instead of waiting (a second Ctrl-C).</param>
/// <param name="HowToForce">What a person does to force (<c>press Ctrl-C again</c>), said with the stop; none if nothing forces.</param>
internal sealed record StopRequest(string Reason, int ExitCode, bool ForcesOnRepeat, string? HowToForce = null);
