using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary><c>check</c> promises names, never values: neither may an error print a value, which may be a secret.</summary>
public sealed class SecretValueTests : IDisposable
{
    private const string Secret = "hunter2-XYZZY";

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData($"PASSWORD {Secret}\n", 1, 10, "expected `=` after `PASSWORD`")]
    [InlineData($"PASSWORD='{Secret}'{Secret}\n", 1, 25, "unexpected characters after the closing quote of `PASSWORD`'s value")]
    [InlineData($"OK=1\n!PASSWORD={Secret}\n", 2, 1, "expected KEY=VALUE: a line must start with a variable name (a letter or `_`)")]
    public void I_am_told_which_line_of_an_env_file_is_wrong_but_not_its_secret(string env, int line, int column, string message)
    {
        var envPath = _directory.Write(".env", env);
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Should().Be(new ConfigurationError(envPath, line, column, message));
        error.ToString().Should().NotContain("hunter2");
    }

    [Theory]
    [InlineData($"environment: [DB_PASSWORD {Secret}]\n", 1, 15, "`environment` at the top level: expected KEY=VALUE, but `DB_PASSWORD` has no `=`")]
    [InlineData($"environment: DB_PASSWORD={Secret}\n", 1, 14, "`environment` at the top level: expected a mapping or a list of KEY=VALUE, got a string")]
    public void I_am_told_which_yaml_environment_entry_is_wrong_but_not_its_secret(string environment, int line, int column, string message)
    {
        var path = _directory.Write("procman.yaml", environment + "processes:\n  web:\n    command: run\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Should().Be(new ConfigurationError(path, line, column, message));
    }

    [Theory]
    [InlineData($"environment:\n  PORT: {Secret}\n", false, 2, 9)]
    [InlineData("env_file: top.env\n", true, 3, 1)]
    public void I_am_told_where_a_bad_top_level_port_is_but_not_what_it_holds(string top, bool inEnvFile, int line, int column)
    {
        var envPath = _directory.Write("top.env", $"A=1\n\nPORT={Secret}\n");
        var path = _directory.Write("procman.yaml", top + "processes:\n  web:\n    command: run\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Should().Be(new ConfigurationError(
            inEnvFile ? envPath : path, line, column, "`PORT` from the top-level environment or env files is not a port number (1-65535)"));
    }
}
