using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>One YAML configuration file, parsed and checked alone, before it is merged with the others.</summary>
/// <param name="File">The file as the user named it, or as <c>extends</c> reached it from the file that names it.</param>
/// <param name="Root">Its top-level mapping.</param>
internal sealed record YamlSourceFile(string File, YamlMappingNode Root);
