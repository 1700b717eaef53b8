using System.Globalization;
using BenchmarkDotNet.Running;
using StageMap.Benchmarks;

// ./build.ps1 -Task Bench runs every benchmark; pass BenchmarkDotNet arguments with -BenchArgs,
// for example -BenchArgs '--filter','*Storage*'.
// 'generate <path> <rows>' writes a lead file (seed 20261127); 'profile <leads.csv> <configuration.json> [runs]' prints where a bulk conversion's time goes, 'profile-drift <leads.csv> <configuration.json> [runs]' where Find-StageDrift's goes (RecordPathProfile).
if (args.Length == 3 && args[0] == "generate")
{
    LeadFiles.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), 20261127);
    return;
}

if (args.Length >= 3 && args[0] == "profile-drift")
{
    RecordPathProfile.RunDrift(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length >= 3 && args[0] == "profile")
{
    RecordPathProfile.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0);
    return;
}

var arguments = args.Length > 0 ? args : new[] { "--filter", "*" };
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
