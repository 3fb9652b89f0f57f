namespace Dgm.Agent.Improve;

/// <summary>
/// The mutation surface: every place in the agent's source an offline self-improvement may edit, in one list.
/// AgentSource refuses an edit anywhere else, and `Dgm.Agent surface --self DIR` checks that each one is still
/// found in the source (a rename breaks that check, not silently the evolution).
/// </summary>
public static class Surface
{
    /// <summary>A declared site: Type.Member, and what editing it changes.</summary>
    public sealed record Site(string Name, string Kind, string Means);

    public static IReadOnlyList<Site> Sites { get; } =
    [
        new("Operators.All", "list", "the repair operators and their order: compositions of Repair/Rewrites"),
        new("Reproducers.All", "list", "the ways to write a failing test when none fails: Repair/Reproduce"),
        new("RepairBudget.Suspects", "budget", "how many suspect members the repair tries"),
        new("RepairBudget.MaxCandidates", "budget", "how many candidates it tries in all"),
        new("RepairBudget.CandidateTestSeconds", "budget", "how long one candidate's tests may run"),
        new("Localizer.StackFrameWeight", "constant", "how much a library frame in a failing test's stack trace counts"),
        new("Localizer.NamedByTestWeight", "constant", "how much a member the failing tests name counts"),
        new("Localizer.CalleeWeight", "constant", "how much of a suspect's score its callees get"),
        new("Localizer.ProblemNameWeight", "constant", "how much a member the problem statement names counts"),
        new("Strategy.Reach", "constant", "how many ancestors' logs the diagnosis reads"),
        new("Strategy.RepeatFamily", "constant", "the improver's weight of another operator of a family it has"),
        new("Strategy.Narrow", "constant", "the improver's weight of narrowing an operator to some sites"),
        new("Strategy.Pair", "constant", "the improver's weight of a two-site operator"),
        new("Strategy.Compound", "constant", "the improver's weight of a reproducer and an operator of the family a blind failure points at, at once"),
        new("Strategy.Recombine", "constant", "the improver's weight of an operator taken from another agent of the archive"),
        new("Strategy.SelfTune", "constant", "the improver's weight of tuning its own weights"),
        new("Strategy.Knobs", "constant", "the improver's weight of budget and localization edits"),
        new("Strategy.Symptom", "constant", "how much a symptom of the failure messages counts toward an operator family"),
    ];

    /// <summary>Writes each site with its value in the source (a list's entries, a number); 1 when one is not found.</summary>
    public static int Check(AgentSource source, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var missing = 0;
        foreach (var site in Sites)
        {
            var (type, member) = (site.Name[..site.Name.IndexOf('.', StringComparison.Ordinal)], site.Name[(site.Name.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            try
            {
                var value = site.Kind switch
                {
                    "list" => string.Join(", ", source.ListNames(type)) is { Length: > 0 } names ? names : "(empty)",
                    "budget" => source.Budget(member).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => source.Constant(type, member).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                output.WriteLine($"{site.Name}\t{site.Kind}\t{value}");
            }
            catch (InvalidOperationException e)
            {
                missing++;
                output.WriteLine($"{site.Name}\t{site.Kind}\tMISSING: {e.Message}");
            }
        }

        return missing == 0 ? 0 : 1;
    }

    public static bool Declares(string site) => Sites.Any(s => s.Name == site);

    /// <summary>Throws (the edit does not apply) unless the site is declared.</summary>
    public static void Require(string site)
    {
        if (!Declares(site))
        {
            throw new InvalidOperationException($"'{site}' is not in the declared mutation surface (Improve/Surface.cs)");
        }
    }
}
