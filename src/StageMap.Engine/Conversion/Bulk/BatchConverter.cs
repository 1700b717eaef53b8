namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Converts the records of <see cref="RowBatch"/>es, one batch at a time, on one thread: with a plan, a
/// converted record, a row view, part writers and a missing-field tally of its own, so that what it writes
/// row by row is its own; at the end of a batch it moves what the batch gave into the batch.
/// </summary>
internal sealed class BatchConverter
{
    private readonly ConversionPlan _plan;
    private readonly ConvertedRecord _buffer;
    private readonly CopiedRow _view = new();
    private readonly RecordFileWriter _output;
    private readonly RecordFileWriter? _rejects;
    private readonly MissingFieldTally _missing;

    /// <param name="output">A part writer for the converted records (<see cref="RecordFileWriter.ConvertedPart"/>).</param>
    /// <param name="rejects">A part writer for the rejected records (<see cref="RecordFileWriter.RejectsPart"/>), or null to keep them for a caller.</param>
    public BatchConverter(ConversionPlan plan, RecordFileWriter output, RecordFileWriter? rejects)
    {
        _plan = plan;
        _buffer = new ConvertedRecord(plan, new object?[plan.OutputFields.Count]);
        _output = output;
        _rejects = rejects;
        _missing = new MissingFieldTally(plan);
    }

    /// <summary>Converts each record of <paramref name="batch"/>, noting what did not convert, then moves the outcome into the batch.</summary>
    public void Convert(RowBatch batch)
    {
        int written = 0, rejected = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch.RecordAt(i, _view);
            var failure = BulkConverter.ConvertOne(_plan, record, batch.ReadFailureAt(i), _buffer, _missing, _output, batch.FirstRecord + i, batch.LineAt(i));
            if (failure is null)
            {
                written++;
            }
            else
            {
                rejected++;
                if (_rejects is not null)
                {
                    _rejects.WriteReject(record, failure);
                }
                else
                {
                    // The caller may keep the record: one shown through the view is handed over as a copy of its own.
                    batch.KeepRejected(record is IReusedRecord reused ? reused.Snapshot() : record, failure);
                }
            }
        }

        _output.MoveTo(batch.Output);
        if (_rejects is not null)
        {
            _rejects.MoveTo(batch.Rejects!); // a batch of a job with a reject file has a part for them
        }

        batch.Missing.Absorb(_missing);
        batch.Written = written;
        batch.Rejected = rejected;
    }
}
