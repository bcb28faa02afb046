// Bulk memory: memcpy/memmove/memset of varied sizes, which clang lowers to memory.copy and
// memory.fill (built with -mbulk-memory).
#include "bench.h"

#define BUFFER_SIZE (4 << 20)
static u8 buffer[BUFFER_SIZE];

// Does `rounds` × 64 copies and fills of 16 B to 4 KiB; returns a sample checksum.
EXPORT("run") u32 run(i32 rounds) {
    u32 seed = 7;
    __builtin_memset(buffer, 0x5a, BUFFER_SIZE);
    u32 checksum = 0;
    for (i32 r = 0; r < rounds; r++) {
        for (i32 k = 0; k < 64; k++) {
            u32 size = 16 + lcg_next(&seed) % 4096;
            u32 source = lcg_next(&seed) % (BUFFER_SIZE - size);
            u32 target = lcg_next(&seed) % (BUFFER_SIZE - size);
            switch (k & 3) {
            case 0: __builtin_memset(buffer + target, (int)(seed >> 24), size); break;
            case 1: __builtin_memmove(buffer + target, buffer + source, size); break;
            default: {
                // Non-overlapping copy between the buffer's halves.
                u32 half = BUFFER_SIZE / 2;
                __builtin_memcpy(buffer + (source % (half - size)), buffer + half + (target % (half - size)), size);
                break;
            }
            }
            checksum = checksum * 31u + buffer[(seed >> 8) % BUFFER_SIZE];
        }
    }
    return checksum;
}
