using System.Threading.Channels;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Processes;

namespace ProcMan.Supervision;

/// <summary>A started child with the pumps that read its stdout and stderr.</summary>
internal sealed class SupervisedChild : IDisposable
{
    private readonly CancellationTokenSource _abandonOutput = new();

    public SupervisedChild(ProcessSpec spec, IChildProcess process, OutputSource source, ChannelWriter<OutputChunk> output, int maxLineLength)
    {
        Spec = spec;
        Process = process;
        Output = Task.WhenAll(
            new LinePump(source, OutputStream.StandardOutput, output, maxLineLength).RunAsync(process.StandardOutput, _abandonOutput.Token),
            new LinePump(source, OutputStream.StandardError, output, maxLineLength).RunAsync(process.StandardError, _abandonOutput.Token));
    }

    public ProcessSpec Spec { get; }

    public string Name => Spec.Name;

    public IChildProcess Process { get; }

    /// <summary>Completes when both pipes reached their end (or were abandoned).</summary>
    public Task Output { get; }

    /// <summary>Set once the exit has been handled by the supervisor.</summary>
    public ExitStatus? Exit { get; set; }

    public bool HasExited => Exit is not null;

    public bool IsOutputOpen => !Output.IsCompleted;

    /// <summary>Stops reading pipes that a runaway descendant keeps open.</summary>
    public void AbandonOutput() => _abandonOutput.Cancel();

    public void Dispose()
    {
        Process.Dispose();
        _abandonOutput.Dispose();
    }
}
