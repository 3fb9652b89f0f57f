using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace Dgm.Archive.Internal;

/// <summary>
/// Node ↔ BSON by hand. LiteDB's reflection mapper does not round-trip DateTimeOffset (BSON dates are UTC
/// milliseconds, the offset and sub-millisecond ticks are lost), positional records, or enums by name; an
/// explicit schema also keeps the file readable in LiteDB Studio and stable when Node gains members.
/// </summary>
internal static class NodeDocument
{
    public static BsonDocument ToBson(Node node) => new()
    {
        ["_id"] = NodeIds.Parse(node.Id),
        [nameof(Node.ParentId)] = node.ParentId,
        [nameof(Node.Generation)] = node.Generation,
        [nameof(Node.Iteration)] = node.Iteration,
        [nameof(Node.Created)] = Time(node.Created),
        [nameof(Node.Finished)] = node.Finished is { } finished ? Time(finished) : BsonValue.Null,
        [nameof(Node.Status)] = node.Status.ToString(),
        [nameof(Node.InvalidReason)] = node.InvalidReason,
        [nameof(Node.Diagnosis)] = node.Diagnosis is { } d ? ToBson(d) : BsonValue.Null,
        [nameof(Node.ProblemStatement)] = node.ProblemStatement,
        [nameof(Node.Stages)] = new BsonArray(node.Stages.Select(s => (BsonValue)ToBson(s))),
        [nameof(Node.Results)] = new BsonArray(node.Results.Select(r => (BsonValue)ToBson(r))),
        [nameof(Node.Findings)] = new BsonArray(node.Findings.Select(f => (BsonValue)ToBson(f))),
        [nameof(Node.Score)] = node.Score is { } score ? score : BsonValue.Null,
        [nameof(Node.HoldoutScore)] = node.HoldoutScore is { } holdout ? holdout : BsonValue.Null,
        [nameof(Node.CostDollars)] = node.CostDollars,
        [nameof(Node.Tokens)] = node.Tokens,
        [nameof(Node.Children)] = node.Children,
        [nameof(Node.DiffLines)] = node.DiffLines,
        [nameof(Node.Commit)] = node.Commit,
        [nameof(Node.LogsDir)] = node.LogsDir,
    };

    /// <summary>The checksum's field: SHA-256 over the record's canonical JSON (keys sorted, the checksum left out).</summary>
    public const string ChecksumField = "_sum";

    /// <summary>Sets the record's checksum; call it on every document right before it is written.</summary>
    public static BsonDocument Seal(BsonDocument doc)
    {
        doc[ChecksumField] = Checksum(doc);
        return doc;
    }

    /// <summary>Why the record is not what was written (a checksum that does not match, or none where one is required), or null.</summary>
    public static string? Damage(BsonDocument doc, bool required)
    {
        if (!doc.TryGetValue(ChecksumField, out var stored) || !stored.IsString)
        {
            return required ? "its checksum is missing" : null;
        }

        return stored.AsString == Checksum(doc) ? null : "its checksum does not match its contents (the file was changed or damaged)";
    }

    private static string Checksum(BsonDocument doc) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LiteDB.JsonSerializer.Serialize(Canonical(doc, top: true)))));

    private static BsonValue Canonical(BsonValue value, bool top = false) => value switch
    {
        { IsDocument: true } => new BsonDocument(value.AsDocument
            .Where(kv => !(top && kv.Key == ChecksumField))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => Canonical(kv.Value))),
        { IsArray: true } => new BsonArray(value.AsArray.Select(v => Canonical(v))),
        _ => value,
    };

    public static Node FromBson(BsonDocument doc) => new()
    {
        Id = NodeIds.Format(doc["_id"].AsInt64),
        ParentId = Text(doc, nameof(Node.ParentId)),
        Generation = doc[nameof(Node.Generation)].AsInt32,
        Iteration = doc[nameof(Node.Iteration)].AsInt32,
        Created = Time(doc[nameof(Node.Created)]),
        Finished = doc[nameof(Node.Finished)].IsNull ? null : Time(doc[nameof(Node.Finished)]),
        Status = Enum.Parse<NodeStatus>(doc[nameof(Node.Status)].AsString),
        InvalidReason = Text(doc, nameof(Node.InvalidReason)),
        Diagnosis = doc[nameof(Node.Diagnosis)].IsDocument ? DiagnosisFrom(doc[nameof(Node.Diagnosis)].AsDocument) : null,
        ProblemStatement = Text(doc, nameof(Node.ProblemStatement)),
        Stages = Array(doc, nameof(Node.Stages)).Select(v => StageFrom(v.AsDocument)).ToArray(),
        Results = Array(doc, nameof(Node.Results)).Select(v => OutcomeFrom(v.AsDocument)).ToArray(),
        Findings = Array(doc, nameof(Node.Findings)).Select(v => FindingFrom(v.AsDocument)).ToArray(),
        Score = doc[nameof(Node.Score)].IsNull ? null : doc[nameof(Node.Score)].AsDouble,
        HoldoutScore = doc[nameof(Node.HoldoutScore)].IsNull ? null : doc[nameof(Node.HoldoutScore)].AsDouble,
        CostDollars = doc[nameof(Node.CostDollars)].AsDouble,
        Tokens = doc[nameof(Node.Tokens)].AsInt64,
        Children = doc[nameof(Node.Children)].AsInt32,
        DiffLines = doc[nameof(Node.DiffLines)].IsNumber ? doc[nameof(Node.DiffLines)].AsInt32 : 0, // absent in older records
        Commit = Text(doc, nameof(Node.Commit)),
        LogsDir = Text(doc, nameof(Node.LogsDir)),
    };

    private static BsonDocument ToBson(Diagnosis d) => new()
    {
        [nameof(d.LogSummarization)] = d.LogSummarization,
        [nameof(d.PotentialImprovements)] = d.PotentialImprovements,
        [nameof(d.ImprovementProposal)] = d.ImprovementProposal,
        [nameof(d.ImplementationSuggestion)] = d.ImplementationSuggestion,
        [nameof(d.ProblemDescription)] = d.ProblemDescription,
    };

    private static Diagnosis DiagnosisFrom(BsonDocument doc) => new(
        doc[nameof(Diagnosis.LogSummarization)].AsString,
        doc[nameof(Diagnosis.PotentialImprovements)].AsString,
        doc[nameof(Diagnosis.ImprovementProposal)].AsString,
        doc[nameof(Diagnosis.ImplementationSuggestion)].AsString,
        doc[nameof(Diagnosis.ProblemDescription)].AsString);

    private static BsonDocument ToBson(StageResult s) => new()
    {
        [nameof(s.Stage)] = s.Stage,
        [nameof(s.Attempted)] = s.Attempted,
        [nameof(s.Resolved)] = s.Resolved,
    };

    private static StageResult StageFrom(BsonDocument doc) => new(
        doc[nameof(StageResult.Stage)].AsInt32,
        doc[nameof(StageResult.Attempted)].AsInt32,
        doc[nameof(StageResult.Resolved)].AsInt32);

    private static BsonDocument ToBson(TaskOutcome o) => new()
    {
        [nameof(o.TaskId)] = o.TaskId,
        [nameof(o.Split)] = o.Split,
        [nameof(o.Stage)] = o.Stage,
        [nameof(o.Status)] = o.Status,
        [nameof(o.Resolved)] = o.Resolved,
        [nameof(o.PatchExists)] = o.PatchExists,
        [nameof(o.StopReason)] = o.StopReason,
        [nameof(o.Seconds)] = o.Seconds,
        [nameof(o.GradedBy)] = o.GradedBy,
        [nameof(o.Fallback)] = o.Fallback,
    };

    private static TaskOutcome OutcomeFrom(BsonDocument doc) => new(
        doc[nameof(TaskOutcome.TaskId)].AsString,
        doc[nameof(TaskOutcome.Split)].AsString,
        doc[nameof(TaskOutcome.Stage)].AsInt32,
        doc[nameof(TaskOutcome.Status)].AsString,
        doc[nameof(TaskOutcome.Resolved)].AsBoolean,
        doc[nameof(TaskOutcome.PatchExists)].AsBoolean,
        Text(doc, nameof(TaskOutcome.StopReason)),
        doc[nameof(TaskOutcome.Seconds)].AsDouble,
        Text(doc, nameof(TaskOutcome.GradedBy)),
        Text(doc, nameof(TaskOutcome.Fallback)));

    private static BsonDocument ToBson(PolicyFinding f) => new()
    {
        [nameof(f.Rule)] = f.Rule,
        [nameof(f.Path)] = f.Path,
        [nameof(f.Line)] = f.Line,
        [nameof(f.Detail)] = f.Detail,
        [nameof(f.Blocks)] = f.Blocks,
    };

    private static PolicyFinding FindingFrom(BsonDocument doc) => new(
        doc[nameof(PolicyFinding.Rule)].AsString,
        doc[nameof(PolicyFinding.Path)].AsString,
        doc[nameof(PolicyFinding.Line)].AsInt32,
        doc[nameof(PolicyFinding.Detail)].AsString,
        doc[nameof(PolicyFinding.Blocks)].AsBoolean);

    /// <summary>Round-trip text ("O"): every tick and the offset survive, unlike a BSON date.</summary>
    internal static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Time(BsonValue value) =>
        DateTimeOffset.ParseExact(value.AsString, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    internal static string? Text(BsonDocument doc, string key) => doc[key].IsNull ? null : doc[key].AsString;

    private static BsonArray Array(BsonDocument doc, string key) => doc[key].IsArray ? doc[key].AsArray : [];
}
