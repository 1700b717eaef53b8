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
        if (!force && File.Exists(fullPath))
        {
            throw Failures.ConfigurationFileExists(fullPath);
        }

        var bytes = ConfigurationSerializer.ToBytes(configuration.GetContent());
        Write(fullPath, bytes);
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
        if (FileStamp.OfFile(path) != configuration.Stamp)
        {
            throw Failures.ConfigurationChangedOnDisk(path);
        }

        var bytes = ConfigurationSerializer.ToBytes(configuration.GetContent());
        Write(path, bytes);
        configuration.UpdateStamp(FileStamp.Of(bytes));
    }

    /// <summary>Writes a copy to <paramref name="path"/>; the configuration stays bound where it was.</summary>
    /// <exception cref="StageMapException">ConfigurationFileExists (without <paramref name="force"/>), ConfigurationSaveFailed.</exception>
    public static string Export(StageMapConfiguration configuration, string path, bool force)
    {
        var fullPath = Path.GetFullPath(path);
        if (!force && File.Exists(fullPath))
        {
            throw Failures.ConfigurationFileExists(fullPath);
        }

        Write(fullPath, ConfigurationSerializer.ToBytes(configuration.GetContent()));
        return fullPath;
    }

    private static void Write(string fullPath, byte[] bytes)
    {
        try
        {
            AtomicFile.WriteAllBytes(fullPath, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.ConfigurationSaveFailed(fullPath, e);
        }
    }
}
