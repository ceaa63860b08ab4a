using Winnow.Documents;

namespace Winnow.Pipeline;

/// <summary>Thrown under <see cref="ErrorPolicy.Fail"/> at the first bad input record.</summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception for a rejection.</summary>
    public InputRejectedException(Rejection rejection)
        : base(rejection.ToString()) => Rejection = rejection;

    /// <summary>The record that stopped the run.</summary>
    public Rejection Rejection { get; }
}
