using LiteDB;

namespace Dgm.Archive.Internal;

/// <summary>RunInfo ↔ BSON. Options are stored as key/value pairs: option names may hold dots or dollars, which LiteDB field names should not.</summary>
internal static class RunInfoDocument
{
    public const string Key = "run";

    public static BsonDocument ToBson(RunInfo info) => new()
    {
        ["_id"] = Key,
        [nameof(RunInfo.RunId)] = info.RunId,
        [nameof(RunInfo.Created)] = NodeDocument.Time(info.Created),
        [nameof(RunInfo.Options)] = new BsonArray(info.Options.Select(o => (BsonValue)new BsonDocument { ["k"] = o.Key, ["v"] = o.Value })),
        [nameof(RunInfo.Status)] = info.Status.ToString(),
        [nameof(RunInfo.Finished)] = info.Finished is { } finished ? NodeDocument.Time(finished) : BsonValue.Null,
        [nameof(RunInfo.WallSeconds)] = info.WallSeconds,
        [nameof(RunInfo.Evaluations)] = info.Evaluations,
        [nameof(RunInfo.Processes)] = info.Processes,
    };

    public static RunInfo FromBson(BsonDocument doc) => new(
        doc[nameof(RunInfo.RunId)].AsString,
        NodeDocument.Time(doc[nameof(RunInfo.Created)]),
        doc[nameof(RunInfo.Options)].AsArray.ToDictionary(o => o["k"].AsString, o => o["v"].AsString),
        Enum.Parse<RunStatus>(doc[nameof(RunInfo.Status)].AsString),
        doc[nameof(RunInfo.Finished)].IsNull ? null : NodeDocument.Time(doc[nameof(RunInfo.Finished)]))
    {
        // Absent in archives written before these totals existed.
        WallSeconds = doc[nameof(RunInfo.WallSeconds)].IsNumber ? doc[nameof(RunInfo.WallSeconds)].AsDouble : 0,
        Evaluations = doc[nameof(RunInfo.Evaluations)].IsNumber ? doc[nameof(RunInfo.Evaluations)].AsInt32 : 0,
        Processes = doc[nameof(RunInfo.Processes)].IsNumber ? doc[nameof(RunInfo.Processes)].AsInt32 : 0,
    };
}
