using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Control;
using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Control.Fakes;
using ProcMan.Tests.Unit.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Control;

/// <summary>The control handler against a fake supervisor: each request kind, and requests it must refuse, in memory.</summary>
public sealed class ControlHandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeSupervisor _supervisor = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LogHub _logs = new();
    private readonly ControlHandler _handler;

    public ControlHandlerTests()
    {
        var processOfInstance = new Dictionary<string, string> { ["web.1"] = "web", ["web.2"] = "web", ["db"] = "db" };
        _handler = new ControlHandler(_supervisor, _logs, processOfInstance, _time);
    }

    [Fact(Timeout = 5_000)]
    public async Task I_can_list_the_instances_with_the_protocol_s_fields_and_names()
    {
        _supervisor.Instances.Add(new InstanceSnapshot
        {
            Name = "web.1", Process = "web", State = ProcessState.Ready, Pid = 42, Uptime = TimeSpan.FromMilliseconds(1234.56),
            Restarts = 1, ExitCode = 143, Signal = UnixSignal.Terminate, Ready = true, RunTime = TimeSpan.FromSeconds(3), Lines = 7, Bytes = 99,
        });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "db", Process = "db", State = ProcessState.Waiting });

        var answer = await AnswerAsync(new ControlRequest { Command = "ps" });

        answer.Should().Be(
            """{"ok":true,"processes":[{"name":"web.1","process":"web","namespace":"default","state":"ready","pid":42,"uptime_seconds":1.235,"restarts":1,"exit_code":143,"ready":true,"lines":7,"bytes":99},"""
            + """{"name":"db","process":"db","namespace":"default","state":"waiting","restarts":0,"ready":false,"lines":0,"bytes":0}]}""" + "\n");
    }

    [Theory(Timeout = 5_000)]
    [InlineData("stop", ControlAction.Stop)]
    [InlineData("start", ControlAction.Start)]
    [InlineData("restart", ControlAction.Restart)]
    public async Task I_can_stop_start_and_restart_named_processes_through_the_supervisor(string command, object expectedAction)
    {
        var action = (ControlAction)expectedAction;
        var answer = await AnswerAsync(new ControlRequest { Command = command, Names = ["web", "db"], NoWait = true });

        answer.Should().Be("""{"ok":true}""" + "\n");
        _supervisor.WaitCalls.Should().BeEmpty();
        _supervisor.ControlCalls.Should().ContainSingle().Which.Should().Match<(ControlAction Action, IReadOnlyList<string> Names)>(
            call => call.Action == action && call.Names.SequenceEqual(new[] { "web", "db" }));
    }

    [Theory(Timeout = 5_000)]
    [InlineData("stop", WaitCondition.Stopped)]
    [InlineData("restart", WaitCondition.Restarted)]
    public async Task I_can_stop_or_restart_and_get_the_answer_once_it_is_done_with_each_instance(string command, object condition)
    {
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "web", Process = "web", State = ProcessState.Stopped, ExitCode = 143 });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "db", Process = "db", State = ProcessState.Running });
        _supervisor.WaitAnswer.SetResult(true);

        var answer = await AnswerAsync(new ControlRequest { Command = command, Names = ["web"] });

        _supervisor.WaitCalls.Should().ContainSingle().Which.Condition.Should().Be((WaitCondition)condition);
        answer.Should().Be("""{"ok":true,"processes":[{"name":"web","process":"web","namespace":"default","state":"stopped","restarts":0,"exit_code":143,"ready":false,"lines":0,"bytes":0}]}""" + "\n");
    }

    [Fact(Timeout = 5_000)]
    public async Task ProcMan_refuses_to_control_an_unknown_process_with_the_supervisor_s_reason()
    {
        _supervisor.ControlAnswer = "no process named nope";

        var answer = await AnswerAsync(new ControlRequest { Command = "restart", Names = ["nope"] });

        answer.Should().Be("""{"ok":false,"error":"no process named nope"}""" + "\n");
    }

    [Theory(Timeout = 5_000)]
    [InlineData("stop")]
    [InlineData("start")]
    [InlineData("restart")]
    public async Task ProcMan_refuses_a_control_request_that_names_no_process(string command)
    {
        var answer = await AnswerAsync(new ControlRequest { Command = command });

        answer.Should().Be($$"""{"ok":false,"error":"{{command}}: name at least one process or --namespace"}""" + "\n");
        _supervisor.ControlCalls.Should().BeEmpty();
    }

    [Fact(Timeout = 5_000)]
    public async Task I_can_bring_everything_down_as_a_graceful_stop_with_exit_code_0()
    {
        var answer = await AnswerAsync(new ControlRequest { Command = "down" });

        answer.Should().Be("""{"ok":true}""" + "\n");
        _supervisor.StopRequests.Should().Equal(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
    }

    [Theory(Timeout = 5_000)]
    [InlineData(null, WaitCondition.Ready)]
    [InlineData("ready", WaitCondition.Ready)]
    [InlineData("started", WaitCondition.Started)]
    [InlineData("completed", WaitCondition.Completed)]
    public async Task I_can_wait_for_a_condition_and_am_answered_once_it_holds(string? condition, object expectedCondition)
    {
        var expected = (WaitCondition)expectedCondition;
        var answering = AnswerAsync(new ControlRequest { Command = "wait", Names = ["web"], For = condition });
        answering.IsCompleted.Should().BeFalse("the condition does not hold yet");

        _supervisor.WaitAnswer.SetResult(true);

        (await answering).Should().Be("""{"ok":true}""" + "\n");
        _supervisor.WaitCalls.Should().ContainSingle().Which.Condition.Should().Be(expected);
    }

    [Fact(Timeout = 5_000)]
    public async Task I_am_told_when_what_I_wait_for_can_never_hold()
    {
        _supervisor.WaitAnswer.SetResult(false);

        var answer = await AnswerAsync(new ControlRequest { Command = "wait", Names = ["web", "db"], For = "completed" });

        answer.Should().Be("""{"ok":false,"error":"web, db can never be completed (ended, skipped or stopped)"}""" + "\n");
    }

    [Fact(Timeout = 5_000)]
    public async Task I_am_told_when_my_wait_timed_out_on_ProcMan_s_clock()
    {
        // Ten minutes: only the fake clock can make them pass within the test.
        var answering = AnswerAsync(new ControlRequest { Command = "wait", Names = ["web"], TimeoutSeconds = 600 });

        _time.Advance(TimeSpan.FromSeconds(599.9));
        answering.IsCompleted.Should().BeFalse("600 s have not passed");
        _time.Advance(TimeSpan.FromSeconds(0.1));

        (await answering.WaitAsync(Patience)).Should().Be("""{"ok":false,"error":"timed out after 600 s waiting for web to be ready"}""" + "\n");
    }

    [Fact(Timeout = 5_000)]
    public async Task ProcMan_refuses_to_wait_for_an_unknown_process()
    {
        _supervisor.WaitError = new ArgumentException("no process named nope");

        var answer = await AnswerAsync(new ControlRequest { Command = "wait", Names = ["nope"] });

        answer.Should().Be("""{"ok":false,"error":"no process named nope"}""" + "\n");
    }

    [Theory(Timeout = 5_000)]
    [InlineData("healthy", "web", "--for must be started, ready or completed, not `healthy`")]
    [InlineData("ready", null, "wait: name at least one process")]
    public async Task ProcMan_refuses_a_wait_for_an_unknown_condition_or_for_nothing(string condition, string? name, string error)
    {
        var answer = await AnswerAsync(new ControlRequest { Command = "wait", Names = name is null ? [] : [name], For = condition });

        ResponseOf(answer).Should().Be(ControlResponse.Failure(error));
        _supervisor.WaitCalls.Should().BeEmpty();
    }

    [Fact(Timeout = 5_000)]
    public async Task I_can_read_the_last_lines_of_one_process_by_its_name()
    {
        Publish("web.1", "one\ntwo\n");
        Publish("db", "ready\n");
        Publish("web.2", "three\n");

        var answer = await AnswerAsync(new ControlRequest { Command = "logs", Names = ["web"], Lines = 1 });

        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("""{"ok":true,"names":["web.1","web.2","db"]}""");
        lines.Skip(1).Should().HaveCount(2).And.SatisfyRespectively(
            line => line.Should().Contain("\"process\":\"web.1\"").And.Contain("\"line\":\"two\""),
            line => line.Should().Contain("\"process\":\"web.2\"").And.Contain("\"line\":\"three\""));
    }

    [Fact(Timeout = 5_000)]
    public async Task I_can_read_ProcMan_s_events_about_a_process_and_its_replicas_with_their_fields_as_up_writes_them()
    {
        Publish("web.1", "one\n");
        foreach (var chunk in Chunks.Logged(log =>
        {
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "web.1", 42);
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "db", 43);
            log(LogEvents.Restarting).Information("{Name} restarting in {DelaySeconds:0.###} s (attempt {Attempt})", "web.2", 0.1, 1);
            log(LogEvents.Stopping).Information("stopping all processes: {Reason}", "Ctrl-C");
        }))
        {
            _logs.Publish(chunk);
        }

        var web = (await AnswerAsync(new ControlRequest { Command = "logs", Names = ["web"] })).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var all = (await AnswerAsync(new ControlRequest { Command = "logs" })).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        web.Select(line => Json(line, "line")).Should().Equal("one", "web.1 started with pid 42", "web.2 restarting in 0.1 s (attempt 1)");
        using (var started = JsonDocument.Parse(web[1]))
        {
            var root = started.RootElement;
            root.GetProperty("process").GetString().Should().Be("procman");
            root.GetProperty("stream").GetString().Should().Be("procman");
            root.GetProperty("level").GetString().Should().Be("info");
            root.GetProperty("event").GetString().Should().Be("started");
            root.GetProperty("name").GetString().Should().Be("web.1");
            root.GetProperty("pid").GetInt64().Should().Be(42);
        }
        all.Select(line => Json(line, "line")).Should().Equal(
            "one", "web.1 started with pid 42", "db started with pid 43", "web.2 restarting in 0.1 s (attempt 1)", "stopping all processes: Ctrl-C");
    }

    [Fact(Timeout = 5_000)]
    public async Task ProcMan_refuses_the_logs_of_an_unknown_process()
    {
        var answer = await AnswerAsync(new ControlRequest { Command = "logs", Names = ["nope"] });

        answer.Should().Be("""{"ok":false,"error":"no process named nope"}""" + "\n");
    }

    [Fact(Timeout = 5_000)]
    public async Task ProcMan_refuses_an_unknown_command_by_its_name()
    {
        var answer = await AnswerAsync(new ControlRequest { Command = "frobnicate" });

        ResponseOf(answer).Should().Be(ControlResponse.Failure("unknown command `frobnicate`"));
        _supervisor.ControlCalls.Should().BeEmpty();
        _supervisor.StopRequests.Should().BeEmpty();
    }

    [Fact(Timeout = 5_000)]
    public async Task I_can_stop_every_process_of_a_namespace_besides_the_named_ones()
    {
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "web.1", Process = "web", Namespace = "front", State = ProcessState.Running });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "web.2", Process = "web", Namespace = "front", State = ProcessState.Running });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "db", Process = "db", State = ProcessState.Running });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "cache", Process = "cache", Namespace = "back", State = ProcessState.Running });

        var answer = await AnswerAsync(new ControlRequest { Command = "stop", Names = ["db"], Namespaces = ["front"], NoWait = true });

        answer.Should().Be("""{"ok":true}""" + "\n");
        _supervisor.ControlCalls.Should().ContainSingle().Which.Names.Should().Equal("db", "web");
    }

    [Fact(Timeout = 5_000)]
    public async Task I_am_told_the_namespaces_there_are_when_I_name_an_unknown_one()
    {
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "web", Process = "web", Namespace = "front", State = ProcessState.Running });
        _supervisor.Instances.Add(new InstanceSnapshot { Name = "db", Process = "db", State = ProcessState.Running });

        var response = ResponseOf(await AnswerAsync(new ControlRequest { Command = "restart", Namespaces = ["fornt"] }));

        response.Error.Should().Be("no process is in namespace `fornt` (namespaces: default, front)");
        _supervisor.ControlCalls.Should().BeEmpty();
    }

    private async Task<string> AnswerAsync(ControlRequest request)
    {
        using var stream = new MemoryStream();
        await _handler.HandleAsync(request, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The one answer line, read back (JSON escapes the backticks of names).</summary>
    private static ControlResponse ResponseOf(string answer)
    {
        answer.Should().EndWith("\n").And.Subject.Count(c => c == '\n').Should().Be(1);
        return JsonSerializer.Deserialize(answer, ControlJson.Default.ControlResponse)!;
    }

    private static string? Json(string line, string property)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty(property).GetString();
    }

    private void Publish(string name, string lines)
    {
        var index = name switch { "web.1" => 0, "web.2" => 1, _ => 2 };
        _logs.Publish(OutputChunk.Copy(new OutputSource(name, index), OutputStream.StandardOutput, Encoding.UTF8.GetBytes(lines), addNewline: false));
    }
}
