namespace Winnow.Stats;

/// <summary>The counts of one task of a sharded run, saved and summed into the run's stats.</summary>
public sealed partial class RunStats
{
    /// <summary>Writes every counter, so that <see cref="AddPart"/> can sum tasks exactly.</summary>
    internal void WritePart(BinaryWriter w)
    {
        WriteTally(w, In);
        WriteTally(w, Kept);
        WriteTally(w, Removed);
        WriteTally(w, Rejected);
        w.Write(BlankLines);
        WriteReasons(w, _removedBy);
        WriteReasons(w, _rejectedBy);
        w.Write(_skipped.Count);
        foreach (var (reason, count) in _skipped)
        {
            w.Write(reason);
            w.Write(count);
        }

        w.Write(KeptTokens);
        w.Write(RemovedTokens);
        w.Write(_removedTokensBy.Count);
        foreach (var (reason, tokens) in _removedTokensBy)
        {
            w.Write(reason);
            w.Write(tokens);
        }

        w.Write(_stages.Count);
        foreach (var stage in _stages)
        {
            w.Write(stage.Name);
            WriteTally(w, stage.In);
            WriteTally(w, stage.Removed);
        }
    }

    /// <summary>Adds a part written by <see cref="WritePart"/>; stages must match this run's, in order.</summary>
    internal void AddPart(BinaryReader r)
    {
        In += ReadTally(r);
        Kept += ReadTally(r);
        Removed += ReadTally(r);
        Rejected += ReadTally(r);
        BlankLines += r.ReadInt64();
        AddReasons(r, _removedBy);
        AddReasons(r, _rejectedBy);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            CountSkipped(r.ReadString(), r.ReadInt64());
        }

        KeptTokens += r.ReadInt64();
        RemovedTokens += r.ReadInt64();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var reason = r.ReadString();
            _removedTokensBy[reason] = _removedTokensBy.GetValueOrDefault(reason) + r.ReadInt64();
        }

        var stages = r.ReadInt32();
        if (stages != _stages.Count)
        {
            throw new InvalidDataException($"a task's stats list {stages} stages, the run has {_stages.Count}");
        }

        foreach (var stage in _stages)
        {
            var name = r.ReadString();
            if (name != stage.Name)
            {
                throw new InvalidDataException($"a task's stats name stage '{name}' where the run has '{stage.Name}'");
            }

            stage.In += ReadTally(r);
            stage.Removed += ReadTally(r);
        }
    }

    private static void WriteTally(BinaryWriter w, Tally tally)
    {
        w.Write(tally.Documents);
        w.Write(tally.Bytes);
    }

    private static Tally ReadTally(BinaryReader r) => new(r.ReadInt64(), r.ReadInt64());

    private static void WriteReasons(BinaryWriter w, SortedDictionary<string, Tally> reasons)
    {
        w.Write(reasons.Count);
        foreach (var (reason, tally) in reasons)
        {
            w.Write(reason);
            WriteTally(w, tally);
        }
    }

    private static void AddReasons(BinaryReader r, SortedDictionary<string, Tally> reasons)
    {
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var reason = r.ReadString();
            reasons[reason] = reasons.GetValueOrDefault(reason) + ReadTally(r);
        }
    }
}
