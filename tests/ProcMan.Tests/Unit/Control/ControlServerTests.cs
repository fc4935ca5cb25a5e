using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Control;
using ProcMan.Output;
using ProcMan.Supervision;
using ProcMan.Tests.Infrastructure;
using ProcMan.Tests.Unit.Control.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Control;

/// <summary>The control server in this process, on a real socket, over a fake supervisor and a fake clock.</summary>
public sealed class ControlServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TestDirectory _directory = new();
    private readonly FakeSupervisor _supervisor = new();
    private readonly TimerWatchingClock _time = new();
    private ControlServer _server = null!;

    public Task InitializeAsync()
    {
        _server = ControlServer.Bind(_directory.Combine("control.sock"), _time);
        _server.Serve(new ControlHandler(_supervisor, new LogHub(), new Dictionary<string, string>(), _time), _ => { });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_my_answer_through_the_socket_from_the_supervisor()
    {
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "web", Process = "web", State = ProcessState.Running, Pid = 7 });
        using var client = await RawControlConnection.ConnectAsync(_server.Path);

        await client.TrySendAsync("{\"command\":\"ps\"}\n");

        (await client.ReadToEndAsync(Patience)).Should().Be(
            """{"ok":true,"processes":[{"name":"web","process":"web","namespace":"default","state":"running","pid":7,"restarts":0,"ready":false,"lines":0,"bytes":0}]}""" + "\n");
    }

    [Fact(Timeout = 10_000)]
    public async Task ProcMan_closes_a_client_that_sends_nothing_within_10_s_of_its_clock()
    {
        using var client = await RawControlConnection.ConnectAsync(_server.Path);
        var idleTimer = await _time.TimerCreated(TimeSpan.FromSeconds(10)).WaitAsync(Patience);

        _time.Advance(TimeSpan.FromSeconds(10));

        idleTimer.Should().BeTrue();
        (await client.ReadToEndAsync(Patience)).Should().Be("""{"ok":false,"error":"no request within 10 s"}""" + "\n");
    }

    /// <summary>A fake clock that tells when a timer of a given period is set, so a test advances it only then.</summary>
    private sealed class TimerWatchingClock : FakeTimeProvider
    {
        private readonly object _gate = new();
        private readonly List<(TimeSpan Due, TaskCompletionSource<bool> Created)> _watched = [];
        private readonly List<TimeSpan> _dues = [];

        /// <summary>Completes once a timer due after <paramref name="due"/> is set, or at once if one was.</summary>
        public Task<bool> TimerCreated(TimeSpan due)
        {
            var created = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_dues.Contains(due))
                    created.SetResult(true);
                else
                    _watched.Add((due, created));
            }
            return created.Task;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_gate)
            {
                _dues.Add(dueTime);
                foreach (var (due, created) in _watched.Where(w => w.Due == dueTime))
                    created.TrySetResult(true);
            }
            return timer;
        }
    }
}
