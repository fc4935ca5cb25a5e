using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Top-level <c>log_length</c>: how many recent lines of each process <c>procman logs</c> keeps.</summary>
public sealed class LogLengthTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_can_choose_how_many_recent_lines_are_kept()
    {
        Load.File(_directory.Write("process-compose.yaml", "log_length: 250\nprocesses:\n  a: {command: 'true'}\n")).Document.LogLength.Should().Be(250);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("lots")]
    public void A_length_out_of_range_is_an_error_at_its_value(string value)
    {
        var error = Load.Errors(_directory.Write("procfile.yml", $"log_length: {value}\nprocesses:\n  a: {{command: 'true'}}\n")).Should().ContainSingle().Subject;

        error.Line.Should().Be(1);
        error.Column.Should().Be(13);
        error.Message.Should().Contain("log_length");
    }
}
