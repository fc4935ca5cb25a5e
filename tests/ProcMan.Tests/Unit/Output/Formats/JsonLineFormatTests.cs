using System.Buffers;
using System.Text.Json;
using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Formats;

public sealed class JsonLineFormatTests
{
    [Fact]
    public void I_get_the_same_bytes_from_the_fast_path_for_plain_lines_as_from_the_JSON_writer()
    {
        byte[][] lines =
        [
            "plain ascii line ~ with {braces} and 'quotes'"u8.ToArray(),
            ""u8.ToArray(),
            "a \"quoted\" word"u8.ToArray(),
            "back\\slash"u8.ToArray(),
            "tab\there, escape \e[31mred"u8.ToArray(),
            "caf\u00e9 \u2028 \U0001F600"u8.ToArray(),
            [(byte)'b', (byte)'a', (byte)'d', 0xFF, 0x80],
            "<script>&amp;</script> +01:00"u8.ToArray(),
        ];
        var source = new OutputSource("web.2", 3);
        var chunk = OutputChunk.Copy(source, OutputStream.StandardError, new(lines.SelectMany(l => l.Append((byte)'\n')).ToArray()), addNewline: false);

        var actual = new MemoryStream();
        var output = new BufferedOutput(actual);
        new JsonLineFormat().Write(chunk, output);
        output.Flush();

        var expected = new ArrayBufferWriter<byte>();
        foreach (var line in lines)
            JsonLineWriter.Write(expected, source.Name, OutputStream.StandardError, chunk.Time, line);
        actual.ToArray().Should().Equal(expected.WrittenSpan.ToArray());

        var parsed = System.Text.Encoding.UTF8.GetString(actual.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("line").GetString()).ToList();
        parsed[..6].Should().Equal(lines[..6].Select(l => System.Text.Encoding.UTF8.GetString(l)));
        chunk.Release();
    }

    [Fact]
    public void I_get_a_line_larger_than_the_buffer_whole()
    {
        var line = new string('x', 200_000) + "\"";
        var chunk = OutputChunk.Copy(OutputSource.ProcMan, OutputStream.StandardOutput, new(System.Text.Encoding.UTF8.GetBytes(line + "\n")), addNewline: false);
        var actual = new MemoryStream();
        var output = new BufferedOutput(actual);

        new JsonLineFormat().Write(chunk, output);
        output.Flush();

        JsonDocument.Parse(actual.ToArray()).RootElement.GetProperty("line").GetString().Should().Be(line);
        chunk.Release();
    }
}
