# title: An arena given back to the system
# page: memory/pools
# explanation: An arena is 1 MiB: 64 pools of 16 KiB. Seven thousand strings of about 500 bytes each
#   take the 512-byte size class, 31 blocks a pool, so they fill three more arenas after the first. When
#   the list is deleted their pools all empty, and obmalloc unmaps each arena whose pools are all free,
#   except one it keeps to avoid mapping and unmapping an arena on every iteration of a loop
#   (bpo-37257). The first arena stays: other objects still live in it. Step over the del and watch two
#   arenas turn grey: given back to the system.
import sys

width = 460
blobs = ["x" * width for i in range(7000)]
print(len(set([id(b) for b in blobs])), sys.getsizeof(blobs[0]))
del blobs
print("freed")
