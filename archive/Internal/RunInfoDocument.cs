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
    };

    public static RunInfo FromBson(BsonDocument doc) => new(
        doc[nameof(RunInfo.RunId)].AsString,
        NodeDocument.Time(doc[nameof(RunInfo.Created)]),
        doc[nameof(RunInfo.Options)].AsArray.ToDictionary(o => o["k"].AsString, o => o["v"].AsString),
        Enum.Parse<RunStatus>(doc[nameof(RunInfo.Status)].AsString),
        doc[nameof(RunInfo.Finished)].IsNull ? null : NodeDocument.Time(doc[nameof(RunInfo.Finished)]));
}
