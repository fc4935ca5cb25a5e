using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Merging;

/// <summary>Top-level <c>extends</c>: a file inheriting another, as if both were named with <c>-f</c>.</summary>
public sealed class ExtendsTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_file_inherits_the_file_it_extends_and_merges_over_it()
    {
        _directory.Write("conf/base.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n  db:\n    command: database\n");
        var prod = _directory.Write("conf/prod.yml", "extends: base.yml\nprocesses:\n  web:\n    command: serve --prod\n");

        var document = Load.File(prod).Document;

        document.Processes.Select(p => (p.Name, p.Command, p.Replicas)).Should().Equal(("web", "serve --prod", 2), ("db", "database", 1));
        document.Files.Should().Equal(_directory.Combine("conf/base.yml"), prod);
    }

    [Fact]
    public void The_named_file_names_the_document_and_the_base_gives_the_dialect_and_directory()
    {
        _directory.CreateDirectory("shared/app");
        _directory.Write("shared/process-compose.yml", "processes:\n  web:\n    command: serve\n    working_dir: app\n");
        var local = _directory.Write("local.yml", "extends: shared/process-compose.yml\nprocesses:\n  web:\n    description: mine\n");

        var document = Load.File(local).Document;

        document.File.Should().Be(local);
        document.Dialect.Should().Be(ProcMan.Configuration.ConfigurationDialect.ProcessCompose);
        document.Processes.Single().WorkingDirectory.Should().Be(_directory.Combine("shared/app"));
    }

    [Fact]
    public void A_chain_of_three_is_merged_base_first()
    {
        _directory.Write("a.yml", "processes:\n  web:\n    command: a\n    description: from a\n");
        _directory.Write("b.yml", "extends: a.yml\nprocesses:\n  web:\n    command: b\n");
        var c = _directory.Write("c.yml", "extends: b.yml\nprocesses:\n  worker:\n    command: c\n");

        var document = Load.File(c).Document;

        document.Processes.Select(p => (p.Name, p.Command, p.Description)).Should().Equal(("web", "b", "from a"), ("worker", "c", null));
    }

    [Fact]
    public void An_absolute_extends_is_used_as_is()
    {
        var basePath = _directory.Write("elsewhere/base.yml", "processes:\n  web:\n    command: serve\n");
        var local = _directory.Write("local.yml", $"extends: {basePath}\nprocesses:\n  web:\n    description: mine\n");

        Load.File(local).Document.Processes.Single().Command.Should().Be("serve");
    }

    [Fact]
    public void A_cycle_is_an_error_at_the_extends_that_closes_it_naming_the_files()
    {
        var a = _directory.Write("a.yml", "extends: b.yml\nprocesses:\n  web:\n    command: a\n");
        var b = _directory.Write("b.yml", "version: \"1\"\nextends: a.yml\n");

        var error = Load.Errors(a).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((_directory.Combine("b.yml"), 2, 10));
        error.Message.Should().Contain("makes a cycle").And.Contain($"{a}, which extends {b}, which extends {a}");
    }

    [Fact]
    public void A_file_extending_itself_is_a_cycle()
    {
        var a = _directory.Write("a.yml", "extends: a.yml\nprocesses:\n  web:\n    command: a\n");

        Load.Errors(a).Should().ContainSingle().Which.Message.Should().Contain("makes a cycle");
    }

    [Fact]
    public void A_missing_file_is_an_error_at_the_extends()
    {
        var a = _directory.Write("a.yml", "extends: gone.yml\nprocesses:\n  web:\n    command: a\n");

        var error = Load.Errors(a).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((a, 1, 10));
        error.Message.Should().Contain("`extends` names").And.Contain("does not exist").And.Contain(_directory.Combine("gone.yml"));
    }

    [Theory]
    [InlineData("extends: [a.yml]\n", "expected the name of the file to inherit, got a list")]
    [InlineData("extends:\n", "expected the name of the file to inherit, got nothing")]
    [InlineData("extends: Procfile\n", "not a YAML file")]
    public void A_wrong_extends_value_is_an_error_at_it(string extends, string message)
    {
        var a = _directory.Write("a.yml", extends + "processes:\n  web:\n    command: a\n");

        var error = Load.Errors(a).Should().ContainSingle().Subject;

        (error.File, error.Line).Should().Be((a, 1));
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Naming_both_the_base_and_the_file_extending_it_is_an_error()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: a\n");
        var b = _directory.Write("b.yml", "extends: a.yml\nprocesses:\n  web:\n    command: b\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 1, 10));
        error.Message.Should().Contain("both named and inherited");
    }

    [Fact]
    public void An_error_in_the_inherited_file_is_reported_in_that_file()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: a\n    replicas: lots\n");
        var b = _directory.Write("b.yml", "extends: a.yml\nprocesses:\n  web:\n    description: b\n");

        var error = Load.Errors(b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((a, 4, 15));
    }
}
