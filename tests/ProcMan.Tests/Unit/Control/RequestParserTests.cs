using System.Text;
using FluentAssertions;
using ProcMan.Control;
using Xunit;

namespace ProcMan.Tests.Unit.Control;

/// <summary>A request line to a request, or to the error the client is answered with, in memory.</summary>
public sealed class RequestParserTests
{
    [Fact]
    public void I_can_send_a_request_without_names_and_get_an_empty_list_not_null()
    {
        var request = RequestParser.Parse("""{"command":"ps","names":null}"""u8, out var error);

        error.Should().BeNull();
        request.Should().NotBeNull();
        request!.Command.Should().Be("ps");
        request.Names.Should().BeEmpty();
    }

    [Fact]
    public void I_can_send_every_field_of_a_request_by_its_snake_case_name()
    {
        var request = RequestParser.Parse("""{"command":"wait","names":["web"],"for":"started","timeout_seconds":1.5,"lines":3,"follow":true}"""u8, out _);

        request.Should().BeEquivalentTo(new ControlRequest { Command = "wait", Names = ["web"], For = "started", TimeoutSeconds = 1.5, Lines = 3, Follow = true });
    }

    [Theory]
    [InlineData("""{"command":"ps","command":"down"}""", "bad request: the key `command` appears more than once")]
    [InlineData("null", "bad request: expected an object with a command")]
    [InlineData("""{"command":null}""", "bad request: expected an object with a command")]
    public void ProcMan_refuses_a_request_with_a_duplicate_key_or_no_command(string line, string expected)
    {
        RequestParser.Parse(Encoding.UTF8.GetBytes(line), out var error).Should().BeNull();

        error.Should().Be(expected);
    }

    [Theory]
    [InlineData("ps")]
    [InlineData("""{"command":"ps" """)]
    [InlineData("""{"command":["ps"]}""")]
    [InlineData("{}")]
    public void ProcMan_refuses_a_line_that_is_not_a_request_object_and_says_so(string line)
    {
        RequestParser.Parse(Encoding.UTF8.GetBytes(line), out var error).Should().BeNull();

        error.Should().StartWith("bad request: ").And.NotContain("\n");
    }
}
