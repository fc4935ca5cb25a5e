using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Formats;

public sealed class TextLineFormatTests
{
    private static string Format(OutputFormat format, OutputChunk chunk)
    {
        var bytes = new MemoryStream();
        var output = new BufferedOutput(bytes);
        new TextLineFormat(new LinePrefixer(format, ["web"])).Write(chunk, output);
        output.Flush();
        chunk.Release();
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static OutputChunk Event(string level, string text) =>
        Chunks.Event(text) with { Details = new EventDetails(level, LogEvents.Exited, []) };

    [Fact]
    public void I_see_ProcMan_s_warnings_in_yellow_and_errors_in_red_text_and_all_else_uncoloured()
    {
        var colors = new OutputFormat(Colors: true);

        Format(colors, Event("warning", "web exited with code 3")).Should().Be("\e[1mprocman |\e[0m \e[33mweb exited with code 3\e[0m\n");
        Format(colors, Event("error", "web could not be started: no such file")).Should().Be("\e[1mprocman |\e[0m \e[31mweb could not be started: no such file\e[0m\n");
        Format(colors, Event("info", "web started with pid 12")).Should().Be("\e[1mprocman |\e[0m web started with pid 12\n");
        Format(colors, Chunks.Of(Chunks.Web, "warning: from the child\n")).Should().Be("\e[36mweb     |\e[0m warning: from the child\n");
    }

    [Fact]
    public void I_see_no_colour_on_warnings_when_colours_are_off_and_bare_colored_text_with_raw()
    {
        Format(new OutputFormat(Colors: false), Event("warning", "web exited with code 3")).Should().Be("procman | web exited with code 3\n");
        Format(new OutputFormat(Colors: true, Raw: true), Event("error", "a\nb")).Should().Be("\e[31ma\e[0m\n\e[31mb\e[0m\n");
    }
}
