using System.CommandLine;
using Winnow.Boilerplate;

namespace Winnow.Cli.Commands;

/// <summary>The boilerplate flags of `winnow run` and `winnow reuse`.</summary>
internal sealed class BoilerplateCliOptions
{
    public Option<string> Mode { get; } = new("--boilerplate")
    {
        Description = "Paragraphs repeated across a group's documents: off, remove (cut from the text) or annotate",
        DefaultValueFactory = _ => "off",
    };

    public Option<int> MinDocs { get; } = new Option<int>("--min-docs") { Description = "Boilerplate: flag paragraphs in at least this many documents of a group", DefaultValueFactory = _ => new BoilerplateOptions().MinDocs }
        .AtLeast(2, "(a paragraph in one document is not repeated)");
    public Option<string> GroupBy { get; } = new("--group-by") { Description = "Boilerplate: count within host, none (whole corpus), or a metadata field such as author", DefaultValueFactory = _ => new BoilerplateOptions().GroupBy };

    public void AddTo(Command command)
    {
        Mode.AcceptOnlyFromAmong("off", "remove", "annotate");
        command.Options.Add(Mode);
        command.Options.Add(MinDocs);
        command.Options.Add(GroupBy);
    }

    /// <summary>The stage the flags ask for, or null for off.</summary>
    public BoilerplateStage? ToStage(ParseResult result) => result.GetValue(Mode) switch
    {
        "remove" or "annotate" => new BoilerplateStage(new BoilerplateOptions
        {
            Mode = result.GetValue(Mode) == "remove" ? BoilerplateMode.Remove : BoilerplateMode.Annotate,
            MinDocs = result.GetValue(MinDocs),
            GroupBy = result.GetValue(GroupBy)!,
        }),
        _ => null,
    };
}
