using System.Runtime.InteropServices;
using ProcMan.Processes;
using ProcMan.Processes.Linux;
using ProcMan.Supervision;

namespace ProcMan.Hosting;

/// <summary>
/// Takes SIGINT, SIGTERM, SIGHUP and SIGQUIT away from the runtime's default (immediate exit)
/// and turns each into a stop request, so ProcMan always shuts its children down before it
/// exits: in groups of their own, the children get no terminal signal but ProcMan's. Signals
/// that arrive together are one request (<see cref="SignalBurst"/>).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations;

    public TerminationSignals(Action<StopRequest> onSignal, TimeProvider time)
    {
        var burst = new SignalBurst(time);
        InheritedSignals.Unignore(UnixSignal.Interrupt, UnixSignal.Quit);
        _registrations =
        [
            Register(PosixSignal.SIGINT, UnixSignal.Interrupt),
            Register(PosixSignal.SIGTERM, UnixSignal.Terminate),
            Register(PosixSignal.SIGHUP, UnixSignal.Hangup),
            Register(PosixSignal.SIGQUIT, UnixSignal.Quit),
        ];

        PosixSignalRegistration Register(PosixSignal posix, UnixSignal signal) =>
            PosixSignalRegistration.Create(posix, context =>
            {
                context.Cancel = true;
                if (burst.IsNewRequest())
                {
                    onSignal(new StopRequest($"received {signal}", 128 + signal.Number, ForcesOnRepeat: true,
                        signal == UnixSignal.Interrupt ? "press Ctrl-C again" : $"send {signal} again"));
                }
            });
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
    }
}
