using System.Text.Json.Serialization;

namespace Dgm.Agent.Improve;

/// <summary>The paper's diagnosis of an agent's evaluation logs, as plain text in its five fields.</summary>
public sealed record Diagnosis(
    [property: JsonPropertyName("log_summarization")] string LogSummarization,
    [property: JsonPropertyName("potential_improvements")] string PotentialImprovements,
    [property: JsonPropertyName("improvement_proposal")] string ImprovementProposal,
    [property: JsonPropertyName("implementation_suggestion")] string ImplementationSuggestion,
    [property: JsonPropertyName("problem_description")] string ProblemDescription);
