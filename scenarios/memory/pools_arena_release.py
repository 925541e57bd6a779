# title: An arena given back to the system
# page: memory/pools
# explanation: An arena is 1 MiB: 64 pools of 16 KiB. Five thousand strings of about 500 bytes each
#   take the 512-byte size class, 31 blocks a pool, so they need three arenas. When the list is deleted
#   every pool empties, and obmalloc unmaps each arena whose pools are all free, except the last one it
#   keeps to avoid mapping and unmapping an arena on every iteration of a loop (bpo-37257). Step over
#   the del and watch two arenas turn grey: given back to the system.
import sys

blobs = ["x" * 460 for i in range(5000)]
print(len(blobs), sys.getsizeof(blobs[0]))
del blobs
print("freed")
