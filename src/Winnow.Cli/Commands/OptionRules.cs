using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Winnow.Cli.Commands;

/// <summary>
/// Range checks for numeric options, so that a value the run cannot use is a usage error naming
/// the option at parse time, not an exception deep in a run (or a silent clamp).
/// </summary>
internal static class OptionRules
{
    /// <summary>The option's value must be at least <paramref name="min"/>.</summary>
    public static Option<T> AtLeast<T>(this Option<T> option, T min, string? why = null)
        where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is { } value && value < min)
            {
                result.AddError($"{option.Name} must be at least {Format(min)}{(why is null ? "" : " " + why)} (got {Format(value)})");
            }
        });
        return option;
    }

    /// <summary>The option's value must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<T> Between<T>(this Option<T> option, T min, T max)
        where T : INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is { } value && (value < min || value > max || T.IsNaN(value)))
            {
                result.AddError($"{option.Name} must be between {Format(min)} and {Format(max)} (got {Format(value)})");
            }
        });
        return option;
    }

    /// <summary>
    /// Input paths that start with '-' (but "-", standard input) are options the command does not
    /// know: said so, rather than "no such file". A file whose name starts with '-' is given as ./-name.
    /// </summary>
    public static Argument<string[]> NoUnknownOptions(this Argument<string[]> argument, string command)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option {token.Value} (see 'winnow {command} --help'; a file named so is given as ./{token.Value})");
                }
            }
        });
        return argument;
    }

    private static string Format<T>(T value)
        where T : INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);
}
