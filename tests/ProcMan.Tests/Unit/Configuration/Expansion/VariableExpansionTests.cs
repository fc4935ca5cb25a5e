using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Expansion;

/// <summary>The expansion grammar: process-compose's (envsubst) subset, and a clear refusal for the rest.</summary>
public sealed class VariableExpansionTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["PORT"] = "8080",
        ["EMPTY"] = string.Empty,
        ["HOST_1"] = "db",
    };

    [Theory]
    [InlineData("$PORT", "8080")]
    [InlineData("${PORT}", "8080")]
    [InlineData("http://$HOST_1:${PORT}/x", "http://db:8080/x")]
    [InlineData("$UNSET", "")]
    [InlineData("a${UNSET}b", "ab")]
    [InlineData("$$PORT", "$PORT")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("$ alone", "$ alone")]
    [InlineData("${UNSET:-9000}", "9000")]
    [InlineData("${EMPTY:-9000}", "9000")]
    [InlineData("${EMPTY-9000}", "")]
    [InlineData("${UNSET-9000}", "9000")]
    [InlineData("${PORT:-9000}", "8080")]
    [InlineData("${UNSET:=x}", "x")]
    [InlineData("${PORT:+set}", "set")]
    [InlineData("${UNSET:+set}", "")]
    [InlineData("${UNSET:-${PORT}}", "8080")]
    [InlineData("${UNSET:-{braces}}", "{braces}")]
    [InlineData("no variables", "no variables")]
    public void I_can_write_variables_as_process_compose_expands_them(string text, string expected)
    {
        VariableExpansion.TryExpand(text, Lookup, out var expanded, out var problem).Should().BeTrue(problem);
        expanded.Should().Be(expected);
    }

    [Theory]
    [InlineData("${#PORT}", "`${#PORT}` is a form ProcMan does not expand")]
    [InlineData("${PORT/80/90}", "`${PORT/80/90}` is a form ProcMan does not expand")]
    [InlineData("${PORT:1:2}", "`${PORT:1:2}` is a form ProcMan does not expand")]
    [InlineData("${}", "`${}` is a form ProcMan does not expand")]
    [InlineData("x ${PORT", "`${PORT` is never closed with `}`")]
    [InlineData("${UNSET:-abc", "`${UNSET:-abc` is never closed with `}`")]
    [InlineData("${UNSET:?set it in .env}", "UNSET is not set (set it in .env)")]
    [InlineData("${EMPTY:?}", "EMPTY is not set (it is required)")]
    public void A_form_it_does_not_understand_is_refused_with_the_reason(string text, string reason)
    {
        VariableExpansion.TryExpand(text, Lookup, out _, out var problem).Should().BeFalse();
        problem.Should().StartWith(reason);
    }

    [Fact]
    public void A_required_variable_that_is_set_expands()
    {
        VariableExpansion.TryExpand("${PORT:?needed}", Lookup, out var expanded, out _).Should().BeTrue();
        expanded.Should().Be("8080");
    }

    private static string? Lookup(string name) => Variables.GetValueOrDefault(name);
}
