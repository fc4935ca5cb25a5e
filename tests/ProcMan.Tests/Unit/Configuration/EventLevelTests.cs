using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Top-level <c>log_level</c>, with process-compose's words.</summary>
public sealed class EventLevelTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("trace", "Trace")]
    [InlineData("debug", "Debug")]
    [InlineData("info", "Info")]
    [InlineData("warn", "Warn")]
    [InlineData("error", "Error")]
    [InlineData("fatal", "Fatal")]
    [InlineData("panic", "Fatal")]
    public void I_can_choose_which_of_procmans_own_events_are_shown(string word, string expected)
    {
        var loaded = Load.File(_directory.Write("process-compose.yaml", $"log_level: {word}\nprocesses:\n  a: {{command: 'true'}}\n"));

        loaded.Document.EventLevel.Should().Be(Enum.Parse<EventLevel>(expected));
    }

    [Fact]
    public void Without_log_level_the_default_is_left_to_up()
    {
        Load.File(_directory.Write("procfile.yml", "processes:\n  a: {command: 'true'}\n")).Document.EventLevel.Should().BeNull();
    }

    [Fact]
    public void An_unknown_level_is_an_error_listing_the_words()
    {
        var error = Load.Errors(_directory.Write("procfile.yml", "log_level: loud\nprocesses:\n  a: {command: 'true'}\n")).Should().ContainSingle().Subject;

        error.Line.Should().Be(1);
        error.Message.Should().Contain("log_level").And.Contain("warn").And.Contain("loud");
    }
}
