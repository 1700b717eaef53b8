using System;
using System.Globalization;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.SaveProbe;

/// <summary>
/// What the storage tests run in other processes:
/// <c>map PATH PREFIX COUNT</c> maps PREFIX-1..COUNT, each to the stage of the same name, one edit and save
/// each, re-importing and retrying after ConfigurationChangedOnDisk; prints each status whose save landed.
/// <c>churn PATH</c> saves a changed configuration, prints "ready" after the first save, and goes on saving a changed configuration until it is killed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args[0])
        {
            case "map":
                Map(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
                return 0;
            case "churn":
                Churn(args[1]);
                return 0;
            default:
                Console.Error.WriteLine($"unknown mode {args[0]}");
                return 2;
        }
    }

    private static void Map(string path, string prefix, int count)
    {
        var configuration = ConfigurationStore.Load(path);
        for (var i = 1; i <= count; i++)
        {
            var name = $"{prefix}-{i}";
            while (true)
            {
                try
                {
                    using var edit = configuration.BeginEdit();
                    configuration.AddLeadStatusMapping(name, name);
                    edit.Complete();
                    Console.WriteLine(name);
                    break;
                }
                catch (StageMapException failure) when (failure.ErrorId == ErrorIds.ConfigurationChangedOnDisk)
                {
                    configuration = ConfigurationStore.Load(path);
                }
            }
        }
    }

    private static void Churn(string path)
    {
        var configuration = ConfigurationStore.Load(path);
        for (var round = 0; ; round++)
        {
            using var edit = configuration.BeginEdit();
            configuration.SetExperience(round % 2 == 0 ? Experience.EnhancedCrmSync : Experience.ClassicPlugin);
            edit.Complete();
            if (round == 0)
            {
                Console.WriteLine("ready");
            }
        }
    }
}
