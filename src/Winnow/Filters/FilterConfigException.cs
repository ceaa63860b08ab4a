namespace Winnow.Filters;

/// <summary>A run file that cannot be used; the message names the file, line and key.</summary>
public sealed class FilterConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilterConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FilterConfigException()
    {
    }
}
