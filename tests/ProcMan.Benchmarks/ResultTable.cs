using System.Text;

namespace ProcMan.Benchmarks;

/// <summary>The rows of the final Markdown table, each figure beside its baseline.</summary>
internal sealed class ResultTable
{
    private readonly List<string[]> _rows = [];

    public void Add(string measure, string procman, string baseline, string ratioOrTarget) =>
        _rows.Add([measure, procman, baseline, ratioOrTarget]);

    /// <summary>procman/baseline, with the target beside it; "n/a" when the baseline is ~0.</summary>
    public static string Ratio(double procman, double baseline, string target) =>
        (baseline > 0 ? $"{procman / baseline:0.00}x" : "n/a") + (target.Length > 0 ? $" (target {target})" : "");

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | procman | baseline | ratio / target |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var row in _rows)
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        return text.ToString();
    }
}
