// Sieve of Eratosthenes, repeated: byte stores and loads in tight loops.
#include "bench.h"

#define LIMIT 1000000
static u8 composite[LIMIT + 1];

static i32 count_primes(void) {
    for (i32 i = 0; i <= LIMIT; i++) composite[i] = 0;
    i32 count = 0;
    for (i32 i = 2; i <= LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        for (i32 j = i + i; j <= LIMIT; j += i) composite[j] = 1;
    }
    return count;
}

// Sieves the numbers up to one million `rounds` times.
EXPORT("run") i32 run(i32 rounds) {
    i32 total = 0;
    for (i32 r = 0; r < rounds; r++) total += count_primes();
    return total;
}
