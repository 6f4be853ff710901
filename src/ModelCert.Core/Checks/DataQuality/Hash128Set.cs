namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// A set of 128-bit row hashes: open addressing with linear probing over one flat array, 16 bytes a slot and no
/// per-entry objects, which is what millions of rows need. The hashes are already well mixed, so the low bits pick
/// the slot directly. Zero marks an empty slot; the key zero itself is kept in a flag.
/// </summary>
internal sealed class Hash128Set
{
    private const int LargestCapacity = 1 << 30;

    private UInt128[] _slots;
    private int _mask;
    private int _used;
    private bool _hasZero;

    /// <summary>Sized so that <paramref name="expected"/> keys fit without growing.</summary>
    public Hash128Set(int expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var capacity = 16;
        while (capacity < LargestCapacity && capacity * 0.7 < expected)
        {
            capacity <<= 1;
        }

        _slots = new UInt128[capacity];
        _mask = capacity - 1;
    }

    public int Count => _used + (_hasZero ? 1 : 0);

    /// <summary>Adds <paramref name="key"/>; false when it was there already.</summary>
    public bool Add(UInt128 key)
    {
        if (key == UInt128.Zero)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if (_used + 1 > _slots.Length * 0.7)
        {
            Grow();
        }

        var slot = SlotOf(key);
        while (true)
        {
            var current = _slots[slot];
            if (current == UInt128.Zero)
            {
                _slots[slot] = key;
                _used++;
                return true;
            }

            if (current == key)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public bool Contains(UInt128 key)
    {
        if (key == UInt128.Zero)
        {
            return _hasZero;
        }

        var slot = SlotOf(key);
        while (true)
        {
            var current = _slots[slot];
            if (current == key)
            {
                return true;
            }

            if (current == UInt128.Zero)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The low 64 bits (unchecked: the high half is meant to be dropped) masked to the table.</summary>
    private int SlotOf(UInt128 key) => (int)(unchecked((ulong)key) & (ulong)_mask);

    private void Grow()
    {
        if (_slots.Length >= LargestCapacity)
        {
            if (_used + 1 < _slots.Length)
            {
                return;
            }

            throw new InvalidOperationException($"The row-hash set is full at {_used} distinct rows.");
        }

        var old = _slots;
        _slots = new UInt128[old.Length << 1];
        _mask = _slots.Length - 1;
        foreach (var key in old)
        {
            if (key != UInt128.Zero)
            {
                var slot = SlotOf(key);
                while (_slots[slot] != UInt128.Zero)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = key;
            }
        }
    }
}
