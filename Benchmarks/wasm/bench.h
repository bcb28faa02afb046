// Shared helpers for the benchmark programs: no libc, so the little they need is here.
#pragma once

#define EXPORT(name) __attribute__((export_name(name)))
#define NOINLINE __attribute__((noinline))

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;
typedef long long i64;

// A fixed-seed generator so every engine sees the same inputs.
static inline u32 lcg_next(u32 *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

static inline u32 rotr32(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }
