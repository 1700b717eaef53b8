using System;
using System.Management.Automation;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// The own members of the piped record being read, copied when it arrives, and where each name the
/// conversion asks for is among them. The names asked come in the same order for every record (the
/// plan's fields, as the same strings), and records of one shape have the same member names at the same
/// positions, so each question is answered by the next remembered position, checked by reference,
/// with no hashing and no lock. A record whose member names differ (by position, case-sensitively)
/// starts a new shape, and its positions are worked out again the way the member table answers them.
/// </summary>
internal sealed class PipedRecordMembers
{
    private PSObject? _record;
    private PSMemberInfo?[] _members = new PSMemberInfo?[16];
    private string?[] _names = new string?[16];
    private int _count;

    // What was asked of the current shape, in order: the name (by reference) and its position, -1 for
    // none of the record's own members.
    private string?[] _asked = new string?[16];
    private int[] _positions = new int[16];
    private int _askedCount;
    private int _next;

    /// <summary>Copies <paramref name="record"/>'s own members, under one lock of its member table.</summary>
    public void Start(PSObject record)
    {
        _record = null;
        _next = 0;
        if (PSObjectInternals.MemberTable?.Invoke(record) is not { } table)
        {
            return;
        }

        lock (table)
        {
            var count = table.Count;
            if (_members.Length < count)
            {
                var size = Math.Max(count, _members.Length * 2);
                Array.Resize(ref _members, size);
                Array.Resize(ref _names, size);
            }

            var same = count == _count;
            for (var i = 0; i < count; i++)
            {
                // The table holds the object's members and nothing else.
                var member = (PSMemberInfo)table[i]!;
                _members[i] = member;
                if (!string.Equals(_names[i], member.Name, StringComparison.Ordinal))
                {
                    _names[i] = member.Name;
                    same = false;
                }
            }

            Array.Clear(_members, count, _count > count ? _count - count : 0);
            _count = count;
            if (!same)
            {
                _askedCount = 0;
            }
        }

        _record = record;
    }

    /// <summary>True when <paramref name="obj"/> is the record <see cref="Start"/> last took.</summary>
    public bool IsOf(PSObject obj) => ReferenceEquals(obj, _record);

    /// <summary>The record's own member <paramref name="name"/> (any case, as its member table matches names), or null.</summary>
    public PSMemberInfo? Member(string name)
    {
        int position;
        if (_next < _askedCount && ReferenceEquals(_asked[_next], name))
        {
            position = _positions[_next];
        }
        else
        {
            position = PositionOf(name);
            if (_next == _asked.Length)
            {
                Array.Resize(ref _asked, _asked.Length * 2);
                Array.Resize(ref _positions, _positions.Length * 2);
            }

            _asked[_next] = name;
            _positions[_next] = position;
            _askedCount = _next + 1;
        }

        _next++;
        return position < 0 ? null : _members[position];
    }

    private int PositionOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
