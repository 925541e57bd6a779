namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// Pool and arena management: the slow paths of <c>pymalloc_alloc</c> and <c>pymalloc_free</c>, one method
/// per C function of 3.11's <c>Objects/obmalloc.c</c>, in the same order of operations, so that which pool
/// and which arena a block lands in is what CPython would choose.
/// </summary>
public sealed partial class PyMalloc
{
    /// <summary>
    /// <c>pymalloc_pool_extend</c> (obmalloc.c:1790): the free list ran out; bump into the next virgin block
    /// if there is room, otherwise the pool is full and leaves <c>usedpools</c>. Returns true when it became full.
    /// </summary>
    static bool PoolExtend(PoolHeader pool, int size)
    {
        if (pool.NextOffset <= pool.MaxNextOffset)
        {
            // "There is room for another block."
            pool.FreeBlock = ++pool.NextBlock;
            pool.NextOffset += BlockSizeOf(size);
            pool.NextFree[pool.NextBlock - 1] = 0;
            return false;
        }

        // "Pool is full, unlink from used pools."
        PoolHeader next = pool.NextPool!;
        PoolHeader prev = pool.PrevPool!;
        next.PrevPool = prev;
        prev.NextPool = next;
        return true;
    }

    /// <summary>
    /// <c>allocate_from_new_pool</c> (obmalloc.c:1812): no used pool of this class, so take a free pool from
    /// the head of <c>usable_arenas</c> (mapping a new arena if there is none): a cached empty pool from its
    /// <c>freepools</c> if any, else carve the next pool off <c>pool_address</c>. Returns the pool and the
    /// index of the block handed out.
    /// </summary>
    PoolHeader AllocateFromNewPool(int size, out int block)
    {
        if (_usableArenas is null)
        {
            // "No arena has a free pool: allocate a new arena."
            ArenaObject fresh = NewArena();
            _usableArenas = fresh;
            fresh.NextArena = fresh.PrevArena = null;
            _nfp2lasta[fresh.NFreePools] = fresh;
        }
        ArenaObject ao = _usableArenas;

        // "This arena already had the smallest nfreepools value, so decreasing nfreepools doesn't change
        // that, and we don't need to rearrange the usable_arenas list. However, if the arena becomes wholly
        // allocated, we need to remove its arena_object from usable_arenas."
        if (_nfp2lasta[ao.NFreePools] == ao)
        {
            // "It's the last of this size, so there won't be any."
            _nfp2lasta[ao.NFreePools] = null;
        }
        // "If any free pools will remain, it will be the new smallest."
        if (ao.NFreePools > 1)
        {
            _nfp2lasta[ao.NFreePools - 1] = ao;
        }

        PoolHeader? pool = ao.FreePools;
        bool carved = pool is null;
        if (pool is not null)
        {
            // "Try to get a cached free pool." Unlink from cached pools.
            ao.FreePools = pool.NextPool;
        }
        else
        {
            // "Carve off a new pool."
            int index = (int)((ao.PoolAddress - ao.FirstPoolAddress) >> 14);
            pool = ao.Pools[index] ??= new PoolHeader();
            pool.Address = ao.PoolAddress;
            pool.Index = index;
            pool.ArenaIndex = ao.Index;
            pool.SzIdx = PoolHeader.DummySizeIdx;
            pool.Count = 0;
            pool.FreeBlock = 0;
            ao.PoolAddress += POOL_SIZE;
        }
        if (--ao.NFreePools == 0)
        {
            // "Wholly allocated: remove." / "Unlink the arena: it is completely allocated."
            _usableArenas = ao.NextArena;
            if (_usableArenas is not null)
            {
                _usableArenas.PrevArena = null;
            }
        }

        // "Frontlink to used pools."
        PoolHeader head = _usedpools[size];
        pool.NextPool = head;
        pool.PrevPool = head;
        head.NextPool = pool;
        head.PrevPool = pool;
        pool.Count = 1;
        bool keptFreeList = pool.SzIdx == size;
        Sink?.Invoke(new PoolInitialized(pool.Address, size, pool.ArenaIndex, pool.Index, carved, keptFreeList));
        if (keptFreeList)
        {
            // "Luckily, this pool last contained blocks of the same size class, so its header and free list
            // are already initialized."
            block = pool.FreeBlock - 1;
            pool.FreeBlock = pool.NextFree[block];
            return pool;
        }

        // "Initialize the pool header, set up the free list to contain just the second block, and return
        // the first block."
        pool.SzIdx = size;
        int blockSize = BlockSizeOf(size);
        pool.EnsureBlocks(BlocksPerPool(size));
        block = 0;
        pool.NextOffset = POOL_OVERHEAD + (blockSize << 1);
        pool.NextBlock = 2;
        pool.MaxNextOffset = POOL_SIZE - blockSize;
        pool.FreeBlock = 2;
        pool.NextFree[1] = 0;
        return pool;
    }

    /// <summary>
    /// <c>new_arena</c> (obmalloc.c:1579): take the head of <c>unused_arena_objects</c> (doubling the
    /// <c>arenas</c> vector, 16 slots first, when it is empty) and map 1 MiB behind it.
    /// <c>pool_address</c> starts at the first pool-aligned address in the arena, and <c>nfreepools</c> is the
    /// number of whole pools that fit after that alignment.
    /// </summary>
    ArenaObject NewArena()
    {
        if (_unusedArenaObjects is null)
        {
            int numarenas = _maxarenas == 0 ? INITIAL_ARENA_OBJECTS : _maxarenas << 1;
            Array.Resize(ref _arenas, numarenas);
            // "Put the new arenas on the unused_arena_objects list."
            for (int i = _maxarenas; i < numarenas; ++i)
            {
                _arenas[i] = new ArenaObject(i);
            }
            for (int i = _maxarenas; i < numarenas; ++i)
            {
                _arenas[i].NextArena = i < numarenas - 1 ? _arenas[i + 1] : null;
            }
            _unusedArenaObjects = _arenas[_maxarenas];
            _maxarenas = numarenas;
        }

        // "Take the next available arena object off the head of the list."
        ArenaObject arenaobj = _unusedArenaObjects;
        _unusedArenaObjects = arenaobj.NextArena;
        arenaobj.Address = ArenaAddressOf(arenaobj.Index);
        arenaobj.EverMapped = true;
        ++_narenasCurrentlyAllocated;
        ++_ntimesArenaAllocated;
        if (_narenasCurrentlyAllocated > _narenasHighwater)
        {
            _narenasHighwater = _narenasCurrentlyAllocated;
        }
        arenaobj.FreePools = null;
        arenaobj.PoolAddress = arenaobj.Address;
        arenaobj.NFreePools = MAX_POOLS_IN_ARENA;
        int excess = (int)(arenaobj.Address & PoolSizeMask);
        if (excess != 0)
        {
            --arenaobj.NFreePools;
            arenaobj.PoolAddress += (ulong)(POOL_SIZE - excess);
        }
        arenaobj.FirstPoolAddress = arenaobj.PoolAddress;
        arenaobj.NTotalPools = arenaobj.NFreePools;
        Sink?.Invoke(new ArenaAllocated(arenaobj.Address, arenaobj.Index, arenaobj.NTotalPools));
        return arenaobj;
    }

    /// <summary>Where arena object <paramref name="index"/> maps its arena, each time it gets one.</summary>
    ulong ArenaAddressOf(int index) => ArenaRegionBase + ((ulong)index << ArenaStrideShift) + _arenaPageOffset;

    /// <summary>
    /// <c>insert_to_usedpool</c> (obmalloc.c:2032): a full pool got a free block back; it goes to the front
    /// of <c>usedpools[szidx]</c>, so the next request of its class is served from it.
    /// </summary>
    void InsertToUsedpool(PoolHeader pool)
    {
        PoolHeader next = _usedpools[pool.SzIdx].NextPool!;
        PoolHeader prev = next.PrevPool!;
        // "insert pool before next: prev <-> pool <-> next"
        pool.NextPool = next;
        pool.PrevPool = prev;
        next.PrevPool = pool;
        prev.NextPool = pool;
    }

    /// <summary>
    /// <c>insert_to_freepool</c> (obmalloc.c:2048): an emptied pool leaves <c>usedpools</c> for the front of
    /// its arena's <c>freepools</c>, then the arena is managed in obmalloc's four cases:
    /// 1. all its pools are free and it is not the last arena of <c>usable_arenas</c>: unmap it;
    /// 2. this is its only free pool: it was not usable, put it at the head of <c>usable_arenas</c>;
    /// 3. an arena to its right now has fewer free pools: slide it right, just after <c>nfp2lasta[nf]</c>;
    /// 4. otherwise nothing.
    /// </summary>
    void InsertToFreepool(PoolHeader pool)
    {
        PoolHeader next = pool.NextPool!;
        PoolHeader prev = pool.PrevPool!;
        next.PrevPool = prev;
        prev.NextPool = next;

        // "Link the pool to freepools. This is a singly-linked list, and pool->prevpool isn't used there."
        ArenaObject ao = _arenas[pool.ArenaIndex];
        pool.NextPool = ao.FreePools;
        pool.PrevPool = null;
        ao.FreePools = pool;
        int nf = ao.NFreePools;
        // "If this is the rightmost arena with this number of free pools, nfp2lasta[nf] needs to change.
        // Caution: if nf is 0, there are no arenas in usable_arenas with that value."
        ArenaObject? lastnf = _nfp2lasta[nf];
        if (lastnf == ao)
        {
            ArenaObject? p = ao.PrevArena;
            _nfp2lasta[nf] = p is not null && p.NFreePools == nf ? p : null;
        }
        ao.NFreePools = ++nf;

        if (nf == ao.NTotalPools && ao.NextArena is not null)
        {
            // Case 1. "First unlink ao from usable_arenas."
            if (ao.PrevArena is null)
            {
                _usableArenas = ao.NextArena;
            }
            else
            {
                ao.PrevArena.NextArena = ao.NextArena;
            }
            ao.NextArena.PrevArena = ao.PrevArena;
            // "Record that this arena_object slot is available to be reused."
            ao.NextArena = _unusedArenaObjects;
            _unusedArenaObjects = ao;
            // "Free the entire arena."
            ulong address = ao.Address;
            ao.Address = 0;
            ao.FreePools = null;
            // The pool headers stay for the next arena in this slot; carving resets each one, as a fresh
            // mapping is zeroed and carving writes szidx = DUMMY_SIZE_IDX.
            --_narenasCurrentlyAllocated;
            Sink?.Invoke(new ArenaFreed(address, ao.Index));
            return;
        }

        if (nf == 1)
        {
            // Case 2. "Put ao at the head of usable_arenas. Note that because ao->nfreepools was 0 before,
            // ao isn't currently on the usable_arenas list."
            ao.NextArena = _usableArenas;
            ao.PrevArena = null;
            if (_usableArenas is not null)
            {
                _usableArenas.PrevArena = ao;
            }
            _usableArenas = ao;
            _nfp2lasta[1] ??= ao;
            return;
        }

        // "If this arena is now out of order, we need to keep the list sorted. The list is kept sorted so
        // that the "most full" arenas are used first, which allows the nearly empty arenas to be completely
        // freed."  "If this is the only arena with nf, record that."
        _nfp2lasta[nf] ??= ao;
        // "If this was the rightmost of the old size, it remains in place."
        if (ao == lastnf)
        {
            // Case 4. "Nothing to do."
            return;
        }

        // Case 3. "We need to move ao to the right of lastnf." First unlink ao from usable_arenas.
        if (ao.PrevArena is not null)
        {
            ao.PrevArena.NextArena = ao.NextArena;
        }
        else
        {
            _usableArenas = ao.NextArena;
        }
        ao.NextArena!.PrevArena = ao.PrevArena;
        // "And insert after lastnf."
        ao.PrevArena = lastnf;
        ao.NextArena = lastnf!.NextArena;
        if (ao.NextArena is not null)
        {
            ao.NextArena.PrevArena = ao;
        }
        lastnf.NextArena = ao;
    }
}
