using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class JsonOutputSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_get_one_JSON_object_per_line_with_the_exact_bytes_of_an_invalid_UTF8_line()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo 'valid é line'; printf 'bad \\377\\376 end\\n'; echo oops >&2")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--output", "json");

        (await procman.WaitForExitAsync()).Should().Be(0);

        var objects = procman.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        objects.Should().OnlyContain(o => Regex.IsMatch(o.GetProperty("time").GetString()!, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$"));
        var web = objects.Where(o => o.GetProperty("process").GetString() == "web").ToList();
        // stdout and stderr are two pipes: only the order within each stream is defined.
        var stdout = web.Where(o => o.GetProperty("stream").GetString() == "stdout").ToList();
        stdout.Select(o => o.GetProperty("line").GetString()).Should().Equal("valid é line", "bad \uFFFD\uFFFD end");
        web.Where(o => o.GetProperty("stream").GetString() == "stderr").Select(o => o.GetProperty("line").GetString()).Should().Equal("oops");
        web.Should().HaveCount(3);
        stdout[0].TryGetProperty("line_base64", out _).Should().BeFalse("a valid line needs no base64");
        Convert.FromBase64String(stdout[1].GetProperty("line_base64").GetString()!)
            .Should().Equal([(byte)'b', (byte)'a', (byte)'d', (byte)' ', 0xFF, 0xFE, (byte)' ', (byte)'e', (byte)'n', (byte)'d']);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_ProcMan_s_lifecycle_events_with_their_fields_and_the_summary_as_one_object()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("tool", "echo working; exit 3"), ("server", "exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-o", "json");

        (await procman.WaitForExitAsync()).Should().Be(3);

        var objects = procman.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var events = objects.Where(o => o.GetProperty("stream").GetString() == "procman").ToList();
        events.Should().OnlyContain(o => o.GetProperty("process").GetString() == "procman");

        var started = events.Single(o => Event(o) == "started" && Field(o, "name") == "tool");
        started.GetProperty("pid").GetInt32().Should().BePositive();
        started.GetProperty("line").GetString().Should().Be($"tool started with pid {started.GetProperty("pid").GetInt32()}");

        var exited = events.Single(o => Event(o) == "exited" && Field(o, "name") == "tool");
        exited.GetProperty("exit_code").GetInt32().Should().Be(3);
        exited.GetProperty("signal").ValueKind.Should().Be(JsonValueKind.Null);

        events.Should().Contain(o => Event(o) == "stopping" && Field(o, "reason")!.StartsWith("tool failed", StringComparison.Ordinal));
        events.Should().Contain(o => Event(o) == "signal_sent" && Field(o, "name") == "server" && Field(o, "signal") == "SIGTERM");
        var serverExit = events.Single(o => Event(o) == "exited" && Field(o, "name") == "server");
        (serverExit.GetProperty("exit_code").GetInt32(), Field(serverExit, "signal")).Should().Be((143, "SIGTERM"));

        var summary = objects[^1];
        Event(summary).Should().Be("summary", "the summary comes after every line");
        var rows = summary.GetProperty("processes").EnumerateArray().ToDictionary(row => row.GetProperty("name").GetString()!);
        rows["tool"].GetProperty("state").GetString().Should().Be("failed");
        rows["tool"].GetProperty("exit_code").GetInt32().Should().Be(3);
        rows["tool"].GetProperty("pid").GetInt32().Should().Be(started.GetProperty("pid").GetInt32());
        (rows["tool"].GetProperty("lines").GetInt64(), rows["tool"].GetProperty("bytes").GetInt64()).Should().Be((1, 8));
        rows["server"].GetProperty("signal").GetString().Should().Be("SIGTERM");
        objects.Count(o => Event(o) == "summary").Should().Be(1);
    }

    private static string? Event(JsonElement o) => Field(o, "event");

    private static string? Field(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
