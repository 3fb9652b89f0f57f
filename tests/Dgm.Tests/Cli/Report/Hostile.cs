using Dgm.Archive;

namespace Dgm.Tests.Cli.Report;

/// <summary>A family whose texts (written by agents) try to break out of the report's markup.</summary>
internal static class Hostile
{
    public const string Pwned = "data-pwned";

    /// <summary>Script that marks the page if it ever runs.</summary>
    public const string Payload = "</pre></dd></details><script>document.documentElement.setAttribute('data-pwned','1')</script>";

    public static IReadOnlyList<Node> Nodes() =>
    [
        .. Families.Small(),
        Families.Node("4", "3", 3, 3, Families.Start.AddHours(3), TimeSpan.FromMinutes(5), null) with
        {
            Status = NodeStatus.Invalid,
            InvalidReason = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">",
            ProblemStatement = Payload,
            Diagnosis = new Diagnosis(Payload, "<b>bold</b>", "' onmouseover='x", "\" onclick=\"x", Payload),
            Results = [new TaskOutcome("<i>task</i>", "train", 1, Payload, false, true, Payload, 1)],
        },
    ];

    public static string DiffOf(Node node) => node.Id switch
    {
        "0" => "",
        "4" => "--- a/x.cs\n+++ b/x.cs\n@@ -1 +1 @@\n-old\n+" + Payload + "\n",
        _ => $"diff --git a/Agent.cs b/Agent.cs\n--- a/Agent.cs\n+++ b/Agent.cs\n@@ -1,2 +1,2 @@\n context\n-var steps = {node.Id};\n+var steps = {node.Id}0;\n",
    };
}
