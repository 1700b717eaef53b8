using BenchmarkDotNet.Running;

// ./build.ps1 -Task Bench runs every benchmark; pass BenchmarkDotNet arguments with -BenchArgs,
// for example -BenchArgs '--filter','*Storage*'.
var arguments = args.Length > 0 ? args : new[] { "--filter", "*" };
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
