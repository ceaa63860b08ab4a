using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Winnow.Hashing;
using Winnow.Sharding;

namespace Winnow.Cli.Commands;

/// <summary>
/// Options that choose how a run executes, not what it computes: sharded runs (--tasks), the
/// local pool or Slurm. None of them changes the output bytes, so a resumed run may change them.
/// </summary>
internal sealed class ExecutorOptions
{
    public Option<int> Tasks { get; } = new Option<int>("--tasks") { Description = "Run sharded and resumable: tasks per step (Slurm array size); 0: a single-process run", DefaultValueFactory = _ => 0 }.AtLeast(0);
    public Option<int> Workers { get; } = new Option<int>("--workers") { Description = "Local executor: tasks at once (each gets threads/workers threads)", DefaultValueFactory = _ => new ShardedRunOptions().Workers }.AtLeast(1);
    public Option<string> Executor { get; } = new("--executor") { Description = "local: this machine; slurm: sbatch job arrays chained with afterok", DefaultValueFactory = _ => "local" };
    public Option<int> InputShardMb { get; } = new Option<int>("--input-shard-mb") { Description = "Sharded runs: input per shard (files are grouped, large plain JSONL files cut at lines); fixes the plan", DefaultValueFactory = _ => (int)(new ShardedRunOptions().InputShardBytes >> 20) }.AtLeast(1);
    public Option<int> Retries { get; } = new Option<int>("--retries") { Description = "Sharded runs: extra attempts for a failed unit of work", DefaultValueFactory = _ => new ShardedRunOptions().Retries }.AtLeast(0);
    public Option<string?> Partition { get; } = new("--slurm-partition") { Description = "Slurm: --partition" };
    public Option<string?> Time { get; } = new("--slurm-time") { Description = "Slurm: --time per task, e.g. 4:00:00" };
    public Option<string?> Memory { get; } = new("--slurm-mem") { Description = "Slurm: --mem per task, e.g. 16G" };
    public Option<int> Cpus { get; } = new Option<int>("--slurm-cpus") { Description = "Slurm: --cpus-per-task (the task's threads)", DefaultValueFactory = _ => new SlurmOptions().CpusPerTask }.AtLeast(1);
    public Option<int> Throttle { get; } = new Option<int>("--slurm-throttle") { Description = "Slurm: at most this many array tasks at once (0: no limit)", DefaultValueFactory = _ => 0 }.AtLeast(0);
    public Option<string[]> SlurmArgs { get; } = new("--slurm-arg") { Description = "Slurm: one more sbatch argument, e.g. --slurm-arg=--account=lm (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<bool> Wait { get; } = new("--wait") { Description = "Slurm: wait for the run to finish, showing progress" };

    private Option[] All => [Tasks, Workers, Executor, InputShardMb, Retries, Partition, Time, Memory, Cpus, Throttle, SlurmArgs, Wait];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        Executor.AcceptOnlyFromAmong("local", "slurm");
    }

    public bool IsSharded(ParseResult result) => result.GetValue(Tasks) > 0 || result.GetValue(Executor) == "slurm";

    public bool IsSlurm(ParseResult result) => result.GetValue(Executor) == "slurm";

    public bool WaitForSlurm(ParseResult result) => result.GetValue(Wait);

    public ShardedRunOptions ToShardedRunOptions(ParseResult result) => new()
    {
        Tasks = Math.Max(1, result.GetValue(Tasks)),
        Workers = Math.Max(1, result.GetValue(Workers)),
        InputShardBytes = Math.Max(1, result.GetValue(InputShardMb)) * (1L << 20),
        Retries = Math.Max(0, result.GetValue(Retries)),
        Config = ConfigOf(result),
        Command = CommandOf(result),
    };

    public SlurmOptions ToSlurmOptions(ParseResult result) => new()
    {
        Partition = result.GetValue(Partition),
        Time = result.GetValue(Time),
        Memory = result.GetValue(Memory),
        CpusPerTask = Math.Max(1, result.GetValue(Cpus)),
        Throttle = Math.Max(0, result.GetValue(Throttle)),
        ExtraArguments = result.GetValue(SlurmArgs) ?? [],
    };

    // Options whose values are paths.
    private static readonly HashSet<string> PathOptions = ["--config", "--out"];

    /// <summary>The command line as given, its paths made absolute: Slurm tasks and resumed runs may start in another folder.</summary>
    private static List<string> CommandOf(ParseResult result)
    {
        var paths = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var child in result.CommandResult.Children)
        {
            if (child is ArgumentResult argument)
            {
                paths.UnionWith(argument.Tokens);
            }
            else if (child is OptionResult option && PathOptions.Contains(option.Option.Name))
            {
                paths.UnionWith(option.Tokens);
            }
        }

        return [.. result.Tokens.Select(t => paths.Contains(t) && t.Value != "-" ? Path.GetFullPath(t.Value) : t.Value)];
    }

    /// <summary>A run file as its absolute path and a hash of its content, so an edited file does not resume a run.</summary>
    private static string RunFileIdentity(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full + "@" + XxHash64.Hash(File.ReadAllBytes(full)).ToString("x16", CultureInfo.InvariantCulture) : full;
    }

    /// <summary>
    /// The command and every option that can change the output, as given: what a resumed run must
    /// repeat. Execution options, threads, quiet and overwrite are left out; paths are absolute,
    /// and the run file stands for its content too.
    /// </summary>
    private string ConfigOf(ParseResult result)
    {
        var skip = new HashSet<string>(All.Select(o => o.Name)) { "--threads", "--quiet", "--overwrite", "--no-report", "--out", "--dir" };
        var parts = new List<string> { result.CommandResult.Command.Name };
        foreach (var child in result.CommandResult.Children)
        {
            switch (child)
            {
                case ArgumentResult argument:
                    parts.Add(string.Join(' ', argument.Tokens.Select(t => Path.GetFullPath(t.Value))));
                    break;
                case OptionResult option when option.Option.Name == "--config":
                    parts.Add("--config=" + string.Join(',', option.Tokens.Select(t => RunFileIdentity(t.Value))));
                    break;
                case OptionResult option when !skip.Contains(option.Option.Name) && !option.Implicit:
                    parts.Add(option.Option.Name + "=" + string.Join(',', option.Tokens.Select(t => t.Value)));
                    break;
            }
        }

        return string.Join(' ', parts);
    }
}
