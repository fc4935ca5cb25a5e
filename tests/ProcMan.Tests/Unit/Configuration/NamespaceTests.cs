using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary><c>namespace</c> per process, and <c>up --namespace NS</c> selecting by it.</summary>
public sealed class NamespaceTests : IDisposable
{
    private const string Stack = """
        processes:
          db:
            command: postgres
            namespace: data
          web:
            command: ./server
            namespace: front
            depends_on: [db]
          docs:
            command: mkdocs serve
          old:
            command: ./legacy
            namespace: attic
            disabled: true
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static string[] Started(LoadedConfiguration loaded) =>
        [.. loaded.Plans.Where(plan => plan.Instances.Count > 0).Select(plan => plan.Definition.Name)];

    [Fact]
    public void A_process_without_a_namespace_is_in_the_default_one()
    {
        var loaded = Load.File(_directory.Write("process-compose.yaml", Stack));

        loaded.Document.Processes.Select(p => p.Namespace).Should().Equal("data", "front", "default", "attic");
    }

    [Fact]
    public void I_can_start_one_namespace_with_what_it_depends_on()
    {
        var loaded = Load.File(_directory.Write("process-compose.yaml", Stack), Load.Options with { SelectedNamespaces = ["front"] });

        Started(loaded).Should().Equal("db", "web");
    }

    [Fact]
    public void Namespaces_and_names_add_up()
    {
        var loaded = Load.File(_directory.Write("process-compose.yaml", Stack), Load.Options with { SelectedNamespaces = ["data"], SelectedNames = ["docs"] });

        Started(loaded).Should().Equal("db", "docs");
    }

    [Fact]
    public void An_unknown_namespace_is_an_error_listing_the_known_ones()
    {
        var error = Load.Errors(_directory.Write("process-compose.yaml", Stack), Load.Options with { SelectedNamespaces = ["back"] }).Should().ContainSingle().Subject;

        error.File.Should().Be("--namespace");
        error.Message.Should().Contain("`back`").And.Contain("attic, data, default, front");
    }

    [Fact]
    public void A_namespace_of_disabled_processes_is_an_error_not_everything()
    {
        var error = Load.Errors(_directory.Write("process-compose.yaml", Stack), Load.Options with { SelectedNamespaces = ["attic"] }).Should().ContainSingle().Subject;

        error.Message.Should().Contain("every process in namespace `attic` is disabled");
    }

    [Fact]
    public void A_namespace_must_be_a_name()
    {
        var error = Load.Errors(_directory.Write("procfile.yml", "processes:\n  a:\n    command: 'true'\n    namespace: 'two words'\n")).Should().ContainSingle().Subject;

        error.Line.Should().Be(4);
        error.Message.Should().Contain("`namespace` in process `a` must be a name without spaces");
    }
}
