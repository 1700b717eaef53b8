using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Streams the records of a JSON file (an array of records, JSON Lines, the objects that hold records:
/// see <see cref="JsonNetRecordReader"/>), one record in memory at a time, reading and refusing exactly
/// what Json.NET's reader does. Plain JSON is read by <see cref="JsonRecordParser"/>, which makes
/// nothing per record; at the first thing it is not sure of, the file is read again from its start by
/// <see cref="JsonNetRecordReader"/>, which passes over the records already handed out and reads on
/// (so what it accepts, and any error with its line and position, comes from the same code as before).
/// </summary>
internal sealed class JsonRecordReader : RecordFileReader
{
    private readonly Stream _stream;
    private readonly Func<TextReader>? _reopen;
    private readonly JsonRecordParser? _parser;
    private JsonNetRecordReader? _jsonNet;
    private long _positionAtHandOver;

    /// <param name="reopen">The file's text again from its start, or null when the stream cannot go back (then Json.NET reads it).</param>
    public JsonRecordReader(Stream stream, TextReader text, string path, bool encodingNamed, Func<TextReader>? reopen)
        : base(stream, text, path, encodingNamed)
    {
        _stream = stream;
        _reopen = reopen;
        if (reopen is null)
        {
            _jsonNet = new JsonNetRecordReader(stream, text, path, encodingNamed);
        }
        else
        {
            _parser = new JsonRecordParser(JsonBytes.Over(text));
        }
    }

    public override IReadOnlyList<string>? Header => null;

    public override long RecordLine => _jsonNet is { } jsonNet ? jsonNet.RecordLine : _parser?.RecordLine ?? 0;

    /// <summary>Never back: after a hand-over the file is read again from its start, and progress stays where it was.</summary>
    public override long Position => Math.Max(_stream.Position, _positionAtHandOver);

    /// <summary>True once the file is read by Json.NET's reader (from its start, or after the fast path handed it over).</summary>
    internal bool ReadByJsonNet => _jsonNet is not null;

    public override IEnumerable<InputItem> Read()
    {
        long handedOut = 0;
        if (_parser is not null && _reopen is not null)
        {
            while (true)
            {
                var step = FastStep(_parser);
                if (step == JsonRecordParser.Step.Record)
                {
                    handedOut++;
                    yield return new InputItem(_parser.Record);
                }
                else if (step == JsonRecordParser.Step.End)
                {
                    yield break;
                }
                else
                {
                    break;
                }
            }

            _positionAtHandOver = _stream.Position;
            _jsonNet = new JsonNetRecordReader(_stream, _reopen(), FilePath, EncodingNamed);
        }

        foreach (var item in (_jsonNet ?? throw new InvalidOperationException("No reader for the file.")).Read())
        {
            if (handedOut > 0)
            {
                handedOut--;
                continue;
            }

            yield return item;
        }
    }

    public override void Dispose()
    {
        _jsonNet?.Dispose();
        base.Dispose();
    }

    /// <summary>The fast path's next step; a file it cannot read on is Json.NET's to read (and to refuse, with its own message).</summary>
    private static JsonRecordParser.Step FastStep(JsonRecordParser parser)
    {
        try
        {
            return parser.Next();
        }
        catch (Exception e) when (e is UndecodableTextException or JsonReaderException or IOException)
        {
            return JsonRecordParser.Step.Unsure;
        }
    }
}
