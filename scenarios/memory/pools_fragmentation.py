# title: Fragmentation: half-empty pools
# page: memory/pools
# explanation: Two thousand floats fill four pools of the 32-byte class. Deleting every other one
#   frees nine hundred blocks (the first hundred floats freed wait on float's own free list, blocks and
#   all), but no pool becomes empty: each keeps about half its blocks, so pymalloc cannot give a single
#   pool back. That is fragmentation. Step over the del and watch the tiles of the class drop to half,
#   while the table's "blocks in use" falls by 900 and "avail blocks" grows by as much.
values = [float(i) for i in range(2000)]
print(len(values))
del values[::2]
print(len(values))
