namespace ProcMan.Supervision;

/// <param name="StopTimeout">How long a child's group has between SIGTERM and SIGKILL.</param>
/// <param name="PipeGracePeriod">
/// How long a child's pipes may stay open after it exited (a descendant that inherited them)
/// before ProcMan stops reading them.
/// </param>
/// <param name="MaxLineLength">Longer lines are split; see <see cref="Output.LinePump"/>.</param>
public sealed record SupervisorOptions(TimeSpan StopTimeout, TimeSpan PipeGracePeriod, int MaxLineLength)
{
    public static readonly SupervisorOptions Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), Output.LinePump.DefaultMaxLineLength);
}
