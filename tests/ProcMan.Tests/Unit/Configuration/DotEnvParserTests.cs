using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class DotEnvParserTests
{
    private const string File = "app.env";

    public static TheoryData<string, string> Values => new()
    {
        // Unquoted: trimmed, " #" starts a comment, a '#' without space before it does not.
        { "KEY=value", "value" },
        { "KEY = value  ", "value" },
        { "KEY=", "" },
        { "KEY=   ", "" },
        { "KEY=a b  c", "a b  c" },
        { "KEY=value # comment", "value" },
        { "KEY=value\t# comment", "value" },
        { "KEY=#fff", "#fff" },
        { "KEY=http://host/page#anchor", "http://host/page#anchor" },
        { "KEY= # only a comment", "" },
        { "KEY=a=b", "a=b" },
        { "KEY=C:\\path\\n", "C:\\path\\n" },
        // Prefixes and separators.
        { "export KEY=value", "value" },
        { "  export   KEY=value", "value" },
        { "KEY: value", "value" },
        { "KEY:value", "value" },
        { "KEY.with.dots=value", "value" },
        // Single quotes: literal, nothing expanded or unescaped.
        { "KEY='  spaced  '", "  spaced  " },
        { "KEY='$HOME \\n # not a comment'", "$HOME \\n # not a comment" },
        { "KEY='value' # comment", "value" },
        { "KEY='line one\nline two'", "line one\nline two" },
        { "KEY=''", "" },
        // Double quotes: escapes and expansion.
        { "KEY=\"a\\nb\\tc\\rd\"", "a\nb\tc\rd" },
        { "KEY=\"say \\\"hi\\\" \\\\o/\"", "say \"hi\" \\o/" },
        { "KEY=\"# not a comment\"", "# not a comment" },
        { "KEY=\"value\"   # comment", "value" },
        { "KEY=\"first\nsecond\"", "first\nsecond" },
        { "KEY=\"home is $HOME\"", "home is /home/tester" },
        { "KEY=\"unknown \\w escape\"", "unknown \\w escape" },
        // Expansion: $VAR and ${VAR}, \$ literal, undefined is empty.
        { "KEY=$HOME/bin", "/home/tester/bin" },
        { "KEY=${HOME}bin", "/home/testerbin" },
        { "KEY=\\$HOME", "$HOME" },
        { "KEY=\"\\$HOME\"", "$HOME" },
        { "KEY=cost: 5$", "cost: 5$" },
        { "KEY=$UNDEFINED-x", "-x" },
        { "KEY=${UNDEFINED}", "" },
        { "KEY=$1", "$1" },
        // Windows line endings.
        { "KEY=value\r", "value" },
        { "KEY=\"value\"\r", "value" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void I_get_the_value_the_dotenv_grammar_gives(string line, string expected)
    {
        var variables = DotEnvParser.Parse(line + "\n", File, Load.Inherited);

        variables.Should().ContainSingle();
        variables[0].Name.Should().StartWith("KEY");
        variables[0].Value.Should().Be(expected);
    }

    [Fact]
    public void I_can_refer_to_keys_defined_earlier_before_inherited_ones()
    {
        var variables = DotEnvParser.Parse(
            """
            FIRST=$SHARED
            SHARED=from-file
            SECOND=${SHARED}
            THIRD="$SHARED and $LATER"
            SINGLE='$SHARED'
            LATER=too-late
            """,
            File,
            Load.Inherited);

        variables.Should().Equal(
            new EnvironmentVariable("FIRST", "from-inherited"),
            new EnvironmentVariable("SHARED", "from-file"),
            new EnvironmentVariable("SECOND", "from-file"),
            new EnvironmentVariable("THIRD", "from-file and "),
            new EnvironmentVariable("SINGLE", "$SHARED"),
            new EnvironmentVariable("LATER", "too-late"));
    }

    [Fact]
    public void I_can_use_comments_blank_lines_and_windows_line_endings()
    {
        var variables = DotEnvParser.Parse(
            "\uFEFF# database\r\n\r\n  # indented comment\r\nURL=postgres://db\r\nMULTI=\"a\r\nb\"\r\nKEY=last\r\n",
            File,
            Load.Inherited);

        variables.Should().Equal(
            new EnvironmentVariable("URL", "postgres://db"),
            new EnvironmentVariable("MULTI", "a\nb"),
            new EnvironmentVariable("KEY", "last"));
    }

    [Fact]
    public void A_later_assignment_of_the_same_key_is_kept_in_order()
    {
        var variables = DotEnvParser.Parse("KEY=one\nKEY=two\n", File, Load.Inherited);

        variables.Select(v => v.Value).Should().Equal("one", "two");
    }

    [Theory]
    [InlineData("just words", "expected `=` after `just`", 1, 6)]
    [InlineData("OK=1\n=value", "expected KEY=VALUE: a line must start with a variable name (a letter or `_`)", 2, 1)]
    [InlineData("OK=1\n  1KEY=value", "expected KEY=VALUE: a line must start with a variable name (a letter or `_`)", 2, 3)]
    [InlineData("MY KEY=value", "expected `=` after `MY`", 1, 4)]
    [InlineData("export", "expected `=` after `export`", 1, 7)]
    [InlineData("KEY='never closed\nOTHER=1", "unterminated single-quoted value", 1, 5)]
    [InlineData("OK=1\r\nKEY=\"never closed", "unterminated double-quoted value", 2, 5)]
    [InlineData("KEY=\"escaped quote \\\"", "unterminated double-quoted value", 1, 5)]
    [InlineData("KEY='value' trailing", "unexpected characters after the closing quote of `KEY`'s value", 1, 13)]
    [InlineData("KEY=\"value\"trailing", "after the closing quote", 1, 12)]
    public void I_get_the_line_of_anything_that_is_not_an_assignment(string text, string message, int line, int column)
    {
        var exception = Assert.Throws<ConfigurationException>(() => DotEnvParser.Parse(text, File, Load.Inherited));

        exception.Errors.Should().ContainSingle();
        exception.Errors[0].Should().Match<ConfigurationError>(e => e.File == File && e.Line == line && e.Column == column);
        exception.Errors[0].Message.Should().Contain(message);
    }

    [Fact]
    public void I_see_every_bad_line_of_an_env_file_at_once()
    {
        var exception = Assert.Throws<ConfigurationException>(
            () => DotEnvParser.Parse("GOOD=1\nbad\nALSO=2\nworse line\n", File, Load.Inherited));

        exception.Errors.Select(e => e.ToString()).Should().Equal(
            "app.env:2:4: expected `=` after `bad`",
            "app.env:4:7: expected `=` after `worse`");
    }
}
