using System.Text;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Tests.Unit.Output;
using ProcMan.Processes;
using ProcMan.Supervision;
using Serilog;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>
/// A <see cref="Supervisor"/> over a procfile.yml text, scripted children and a fake clock, with
/// every line it would print (its own events as <c>procman | ...</c>) collected in order.
/// </summary>
internal sealed class SupervisorHarness : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long (in real time) nothing must move for the supervisor to count as settled.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(3);

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _levels = [];
    private readonly SemaphoreSlim _lineAdded = new(0);
    private readonly OutputChannel _channel = new();
    private readonly OutputInlet _inlet;
    private readonly Task _consuming;
    private readonly Serilog.Core.Logger _logger;
    private readonly string _directory = Directory.CreateTempSubdirectory("procman-unit-").FullName;

    private readonly List<ScriptedCheck> _checks = [];

    private SupervisorHarness(string yaml, ScriptedLauncher launcher, TimeSpan stopTimeout, IReadOnlyDictionary<string, Attempt[]>? probes, ConfigurationDialect? dialect)
    {
        Launcher = launcher;
        var file = Path.Combine(_directory, "procfile.yml");
        File.WriteAllText(file, yaml);
        var specs = ProcfileLoader.Load(file, new LoadOptions { InheritedEnvironment = new Dictionary<string, string>(), Dialect = dialect }).Processes;
        _inlet = UndrainedInlet.For(_channel);
        _consuming = ConsumeAsync();
        _logger = new LoggerConfiguration().WriteTo.Sink(new ChannelLogSink(_inlet)).CreateLogger();
        var options = SupervisorOptions.Default with { StopTimeout = stopTimeout };
        options = options with { Time = Time };
        if (probes is not null)
            options = options with { ProbeCheckFactory = (check, _, _) => Script(((ExecProbeCheck)check).Command, probes) };
        Supervisor = new Supervisor(specs, launcher, _inlet, _logger, options);
        Running = Supervisor.RunAsync();
    }

    public StepClock Time { get; } = new();

    public ScriptedLauncher Launcher { get; }

    public Supervisor Supervisor { get; }

    /// <summary>The supervisor's run: its result is ProcMan's exit code.</summary>
    public Task<int> Running { get; }

    /// <summary>Every line so far: <c>procman | ...</c> for the supervisor's events, <c>NAME | ...</c> for the children's.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    /// <summary>The level (info, warning, error) of the first event written as <paramref name="line"/> (<c>procman | ...</c>).</summary>
    public string? LevelOf(string line)
    {
        lock (_lines)
            return _levels.GetValueOrDefault(line);
    }

    /// <summary>Every probe check made so far, in order: one per probe per run.</summary>
    public IReadOnlyList<ScriptedCheck> Checks
    {
        get
        {
            lock (_checks)
                return [.. _checks];
        }
    }

    /// <param name="probes">
    /// When given, each probe's attempts follow the script under its exec command, instead of
    /// starting the command through the launcher.
    /// </param>
    /// <param name="dialect">Whose defaults the file is read with; ProcMan's when not given.</param>
    public static SupervisorHarness Start(string yaml, Action<ScriptedLauncher>? script = null, TimeSpan? stopTimeout = null, IReadOnlyDictionary<string, Attempt[]>? probes = null, ConfigurationDialect? dialect = null)
    {
        var launcher = new ScriptedLauncher();
        script?.Invoke(launcher);
        return new SupervisorHarness(yaml, launcher, stopTimeout ?? TimeSpan.FromSeconds(5), probes, dialect);
    }

    /// <summary>The checks made for the probe with this exec command, in order (one per run).</summary>
    public IReadOnlyList<ScriptedCheck> ChecksOf(string command) => [.. Checks.Where(check => check.Command == command)];

    /// <summary>Waits for the first line (from the start) that <paramref name="predicate"/> accepts.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(EventTimeout);
        while (true)
        {
            if (Lines.FirstOrDefault(predicate) is { } line)
                return line;
            try
            {
                await _lineAdded.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no such line; the lines were:\n{string.Join("\n", Lines)}");
            }
        }
    }

    public Task<string> WaitForLineAsync(string procmanEvent) => WaitForLineAsync(line => line == "procman | " + procmanEvent);

    /// <summary>Waits for <paramref name="name"/>'s next start to be announced; returns its child.</summary>
    public async Task<ScriptedChild> WaitForStartAsync(string name, int start = 1)
    {
        await WaitForLineAsync(line => line.StartsWith($"procman | {name} started with pid ", StringComparison.Ordinal)
            && Lines.Count(l => l.StartsWith($"procman | {name} started with pid ", StringComparison.Ordinal)) >= start);
        return Launcher.StartsOf(name)[start - 1];
    }

    /// <summary>
    /// The instance's state (waiting, running, ready, ...) once the supervisor has handled every
    /// message posted before this call: a reply comes after them, so this is also a barrier.
    /// </summary>
    public async Task<string> StateOfAsync(string name) =>
        (await Supervisor.GetSnapshotAsync().WaitAsync(EventTimeout)).Single(instance => instance.Name == name).State.ToText();

    /// <summary>The instance's state in the exit summary, once the supervisor has returned.</summary>
    public string FinalStateOf(string name) => Supervisor.FinalSnapshot.Single(instance => instance.Name == name).State.ToText();

    /// <summary>
    /// Moves the fake clock on, to one pending timer after another, until <paramref name="holds"/>.
    /// Before each move the supervisor settles: what takes no time on its clock (acting on a
    /// message, an exit, a line) is done before any time passes, as it would be in real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> holds, TimeSpan? atMost = null)
    {
        var limit = atMost ?? TimeSpan.FromMinutes(10);
        using var patience = new CancellationTokenSource(EventTimeout);
        while (!holds())
        {
            if (Time.Elapsed >= limit || patience.IsCancellationRequested)
                throw new TimeoutException($"still not so at +{Time.Elapsed} of fake time; the lines were:\n{string.Join("\n", Lines)}");
            await SettleAsync(patience.Token);
            if (holds())
                return;
            if (Time.NextDue is { } due)
                Time.Advance(due > Time.GetUtcNow() ? due - Time.GetUtcNow() : TimeSpan.Zero);
            else
                await Time.WaitForPulseAsync(Quiet);
        }
    }

    /// <summary>The exit code, once the supervisor has come to rest and every line it wrote is in <see cref="Lines"/>.</summary>
    public async Task<int> ExitCodeAsync()
    {
        var code = await Running.WaitAsync(EventTimeout);
        await FinishOutputAsync();
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        Supervisor.RequestStop(new StopRequest("the test is over", 0, ForcesOnRepeat: true));
        Supervisor.RequestStop(new StopRequest("the test is over", 0, ForcesOnRepeat: true));
        await Task.WhenAny(Running, Task.Delay(EventTimeout));
        await FinishOutputAsync();
        _logger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// Waits until the supervisor has handled every message posted so far and nothing (a line, a
    /// timer) has moved for a moment.
    /// </summary>
    private async Task SettleAsync(CancellationToken patience)
    {
        do
        {
            Time.ForgetPulses();
            if (!Running.IsCompleted)
            {
                try
                {
                    await Supervisor.GetSnapshotAsync().WaitAsync(patience);
                }
                catch (InvalidOperationException)
                {
                    // It is shutting down: nothing more to wait for.
                }
            }
        }
        while (await Time.WaitForPulseAsync(Quiet) && !patience.IsCancellationRequested);
    }

    private ScriptedCheck Script(string command, IReadOnlyDictionary<string, Attempt[]> probes)
    {
        var check = new ScriptedCheck(Time, probes[command]) { Command = command };
        lock (_checks)
            _checks.Add(check);
        return check;
    }

    /// <summary>Nothing more is written once the supervisor is at rest: the channel is completed and read to its end.</summary>
    private async Task FinishOutputAsync()
    {
        if (!_channel.IsComplete)
            _channel.Complete();
        await _consuming;
    }

    private async Task ConsumeAsync()
    {
        await foreach (var chunk in _channel.Reader.ReadAllAsync())
        {
            var text = Encoding.UTF8.GetString(chunk.Lines);
            lock (_lines)
            {
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    _lines.Add($"{chunk.Source.Name} | {line}");
                    if (chunk.Details is EventDetails details)
                        _levels.TryAdd($"{chunk.Source.Name} | {line}", details.Level);
                }
            }
            _channel.Consumed(chunk);
            _lineAdded.Release();
            Time.Pulse();
        }
    }
}
