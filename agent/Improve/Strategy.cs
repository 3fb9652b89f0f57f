namespace Dgm.Agent.Improve;

/// <summary>
/// The offline improver's own choices: how far it reads the lineage and how it weighs the edits it proposes.
/// They are in the mutation surface (Surface.cs), so self-improvement can tune them: a child can be better at
/// improving, not only at repairing.
/// </summary>
public static class Strategy
{
    /// <summary>How many ancestors beyond the parent the diagnosis reads (0: the parent's logs alone).</summary>
    public const int Reach = 10;

    /// <summary>The weight of another operator of a family the agent has already, against one it lacks.</summary>
    public const double RepeatFamily = 0.3;

    /// <summary>The weight, per task where the candidate budget ran out, of narrowing an operator to some sites.</summary>
    public const double Narrow = 0.5;

    /// <summary>The weight, per task where no candidate passed, of a two-site operator made of two the agent has.</summary>
    public const double Pair = 0.25;

    /// <summary>The weight, per task where no candidate passed, of taking in an operator another agent of the archive has.</summary>
    public const double Recombine = 0.3;

    /// <summary>The weight, per blind task whose problem points at a family the agent lacks, of a reproducer and an operator of that family at once.</summary>
    public const double Compound = 1;

    /// <summary>The weight of tuning one of these weights (the improver's edit of itself).</summary>
    public const double SelfTune = 0.5;

    /// <summary>How much a symptom the failure messages show (Symptoms.cs) counts toward an operator family, against one evidence word of the problem.</summary>
    public const double Symptom = 2;

    /// <summary>The weight of edits of the repair's budgets and localization, against the other kinds.</summary>
    public const double Knobs = 1;
}
