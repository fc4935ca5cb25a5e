using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Formats;

public sealed class AnsiEscapesTests
{
    [Theory]
    [InlineData("plain text\n", "plain text\n")]
    [InlineData("\e[31mred\e[0m\n", "red\n")]
    [InlineData("\e[1;38;5;208mbold orange\e[m and \e[38;2;1;2;3mrgb\e[0m\n", "bold orange and rgb\n")]
    [InlineData("50%\e[2K\e[1Gdone\n", "50%done\n")]
    [InlineData("\e[?25lhidden cursor\e[?25h\n", "hidden cursor\n")]
    [InlineData("\e]0;window title\atext\n", "text\n")]
    [InlineData("\e]8;;https://example.com\e\\link\e]8;;\e\\\n", "link\n")]
    [InlineData("\e(Bcharset\e7saved\e8\n", "charsetsaved\n")]
    [InlineData("a\nb\e[32m\nc\n", "a\nb\nc\n")]
    public void Escape_sequences_are_removed_and_the_text_kept(string input, string expected) =>
        Strip(input).Should().Be(expected);

    [Theory]
    [InlineData("cut off \e", "cut off ")]
    [InlineData("cut off \e[", "cut off ")]
    [InlineData("cut off \e[38;5", "cut off ")]
    [InlineData("cut off \e]0;title", "cut off ")]
    public void A_sequence_the_end_cuts_off_is_dropped_to_the_end(string input, string expected) =>
        Strip(input).Should().Be(expected);

    [Theory]
    [InlineData("broken \e[31\nnext\n", "broken \nnext\n")]
    [InlineData("broken \e]0;title\nnext\n", "broken \nnext\n")]
    [InlineData("lone \e\nnext\n", "lone \nnext\n")]
    public void A_newline_is_never_removed_even_inside_a_broken_sequence(string input, string expected) =>
        Strip(input).Should().Be(expected);

    [Fact]
    public void Non_ascii_text_and_invalid_utf8_pass_untouched()
    {
        byte[] bytes = [.. "h\u00e9 \u2713 "u8, 0x9B, 0xFF, .. "\e[0m\n"u8];
        var length = AnsiEscapes.Strip(bytes);

        bytes.AsSpan(0, length).ToArray().Should().Equal([.. "h\u00e9 \u2713 "u8, 0x9B, 0xFF, (byte)'\n']);
    }

    private static string Strip(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetString(bytes, 0, AnsiEscapes.Strip(bytes));
    }
}
