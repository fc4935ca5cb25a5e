using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class DialectTests
{
    [Theory]
    [InlineData("process-compose.yml")]
    [InlineData("process-compose.yaml")]
    [InlineData("compose.yml")]
    [InlineData("compose.yaml")]
    [InlineData("process-compose.override.yml")]
    [InlineData("compose.override.yaml")]
    public void A_file_named_as_process_compose_discovers_it_is_read_as_process_compose(string name)
    {
        DialectRule.ByName(Path.Combine("some", "dir", name)).Should().Be(ConfigurationDialect.ProcessCompose);
    }

    [Theory]
    [InlineData("procfile.yml")]
    [InlineData("stack.yaml")]
    [InlineData("Procfile")]
    [InlineData("my-process-compose.yml")]
    public void Any_other_file_is_read_as_procman(string name)
    {
        DialectRule.ByName(name).Should().Be(ConfigurationDialect.ProcMan);
    }

    [Fact]
    public void I_can_choose_the_dialect_whatever_the_file_is_called()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("process-compose.yml", "processes:\n  web:\n    command: echo hi\n");

        Load.File(path).Document.Dialect.Should().Be(ConfigurationDialect.ProcessCompose);
        Load.File(path, Load.Options with { Dialect = ConfigurationDialect.ProcMan }).Document.Dialect.Should().Be(ConfigurationDialect.ProcMan);
    }
}
