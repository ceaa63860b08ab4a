namespace Winnow.NearDedup;

/// <summary>Which member of a near-duplicate cluster is kept; ties always go to the first seen.</summary>
public enum KeepPolicy
{
    /// <summary>The member that comes first in input order.</summary>
    FirstSeen,

    /// <summary>The member with the longest text (in UTF-16 code units).</summary>
    Longest,

    /// <summary>The member with the earliest date in the metadata field <see cref="MinHashOptions.DateField"/>; undated members come last.</summary>
    EarliestDate,
}
