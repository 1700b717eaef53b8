using System;
using System.IO;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>
/// Configuration files: create, load, save and export. Saves are atomic and refuse to overwrite a
/// file that changed on disk since this configuration last read or wrote it.
/// </summary>
public static class ConfigurationStore
{
    /// <summary>Writes <paramref name="configuration"/> to a new file and binds it there.</summary>
    /// <exception cref="StageMapException">ConfigurationFileExists (without <paramref name="force"/>), ConfigurationSaveFailed.</exception>
    public static void Create(StageMapConfiguration configuration, string path, bool force)
    {
        var fullPath = Path.GetFullPath(path);
        var bytes = ConfigurationSerializer.ToBytes(configuration.GetContent());
        Write(fullPath, bytes, target => RefuseExisting(target, fullPath, force));
        configuration.BindTo(fullPath, FileStamp.Of(bytes));
    }

    /// <summary>Reads a configuration file; the result is bound to it.</summary>
    /// <exception cref="StageMapException">ConfigurationFileNotFound, InvalidConfigurationFile, UnsupportedSchemaVersion.</exception>
    public static StageMapConfiguration Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = LimitedFile.ReadAllBytes(fullPath, problem => Failures.InvalidConfigurationFile(fullPath, problem));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Failures.ConfigurationFileNotFound(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.ConfigurationFileUnreadable(fullPath, e);
        }

        var configuration = new StageMapConfiguration(ConfigurationSerializer.FromBytes(bytes, fullPath));
        configuration.BindTo(fullPath, FileStamp.Of(bytes));
        return configuration;
    }

    /// <summary>Saves a bound configuration over its file, unless the file changed on disk.</summary>
    /// <exception cref="StageMapException">ConfigurationChangedOnDisk, ConfigurationSaveFailed.</exception>
    public static void Save(StageMapConfiguration configuration)
    {
        var path = configuration.Path ?? throw new InvalidOperationException("The configuration is not bound to a file.");
        var bytes = ConfigurationSerializer.ToBytes(configuration.GetContent());
        Write(path, bytes, target =>
        {
            if (StampOfFile(target) != configuration.Stamp)
            {
                throw Failures.ConfigurationChangedOnDisk(path);
            }
        });
        configuration.UpdateStamp(FileStamp.Of(bytes));
    }

    /// <summary>Writes a copy to <paramref name="path"/>; the configuration stays bound where it was.</summary>
    /// <exception cref="StageMapException">ConfigurationFileExists (without <paramref name="force"/>), ConfigurationSaveFailed.</exception>
    public static string Export(StageMapConfiguration configuration, string path, bool force)
    {
        var fullPath = Path.GetFullPath(path);
        Write(fullPath, ConfigurationSerializer.ToBytes(configuration.GetContent()), target => RefuseExisting(target, fullPath, force));
        return fullPath;
    }

    private static void RefuseExisting(string target, string fullPath, bool force)
    {
        if (!force && File.Exists(target))
        {
            throw Failures.ConfigurationFileExists(fullPath);
        }
    }

    /// <summary>The stamp of the file as it is now, or null when there is no file.</summary>
    private static FileStamp? StampOfFile(string path) => File.Exists(path) ? FileStamp.Of(File.ReadAllBytes(path)) : null;

    /// <summary>
    /// Writes <paramref name="bytes"/> over the file <paramref name="fullPath"/> names (through a symbolic
    /// link) while holding its <see cref="SaveLock"/>: <paramref name="check"/> sees the file as no other
    /// saver can change it until the new bytes are renamed over it. Temp files that a killed save left
    /// for this file are removed on the way.
    /// </summary>
    private static void Write(string fullPath, byte[] bytes, Action<string> check)
    {
        try
        {
            var target = FileLinks.FinalTarget(fullPath);
            using var held = SaveLock.Acquire(target, fullPath, SaveLock.Wait);
            check(target);
            StaleTempFiles.Remove(target, held);
            AtomicFile.WriteAllBytes(target, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.ConfigurationSaveFailed(fullPath, e);
        }
    }
}
