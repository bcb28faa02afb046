// 128-bit SIMD kernels written with wasm_simd128.h intrinsics: an integer image filter and a
// float dot product, the two shapes of vector code real modules contain.
#include <wasm_simd128.h>
#include "bench.h"

#define WIDTH 512
#define HEIGHT 512
#define PIXELS (WIDTH * HEIGHT)
static u8 image[2][PIXELS];

// Vertical 1-2-1 sum of 16 pixels of three rows, widened to u16 lanes (at most 1020).
static inline void column_sums(const u8 *above, const u8 *row, const u8 *below, v128_t *low, v128_t *high) {
    v128_t a = wasm_v128_load(above), b = wasm_v128_load(row), c = wasm_v128_load(below);
    *low = wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extend_low_u8x16(a), wasm_u16x8_extend_low_u8x16(c)),
                          wasm_i16x8_shl(wasm_u16x8_extend_low_u8x16(b), 1));
    *high = wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extend_high_u8x16(a), wasm_u16x8_extend_high_u8x16(c)),
                           wasm_i16x8_shl(wasm_u16x8_extend_high_u8x16(b), 1));
}

// The 3×3 Gaussian [1 2 1; 2 4 2; 1 2 1] / 16 of one pixel, for the columns vectors skip.
static u8 blur_pixel(const u8 *source, i32 i) {
    u32 sum = 0;
    for (i32 dy = -1; dy <= 1; dy++) {
        const u8 *p = source + i + dy * WIDTH;
        u32 weight = dy == 0 ? 2 : 1;
        sum += weight * (p[-1] + 2u * p[0] + p[1]);
    }
    return (u8)((sum + 8) >> 4);
}

// One 3×3 Gaussian blur of the interior of `source` into `target` (the border is copied).
static void blur(const u8 *source, u8 *target) {
    for (i32 y = 1; y < HEIGHT - 1; y++) {
        const u8 *row = source + y * WIDTH;
        u8 *out = target + y * WIDTH;
        out[0] = row[0];
        out[WIDTH - 1] = row[WIDTH - 1];
        i32 x = 1;
        for (; x + 16 <= WIDTH - 1; x += 16) {
            v128_t left_low, left_high, mid_low, mid_high, right_low, right_high;
            column_sums(row - WIDTH + x - 1, row + x - 1, row + WIDTH + x - 1, &left_low, &left_high);
            column_sums(row - WIDTH + x, row + x, row + WIDTH + x, &mid_low, &mid_high);
            column_sums(row - WIDTH + x + 1, row + x + 1, row + WIDTH + x + 1, &right_low, &right_high);
            v128_t rounding = wasm_i16x8_splat(8);
            v128_t low = wasm_i16x8_add(wasm_i16x8_add(left_low, right_low), wasm_i16x8_shl(mid_low, 1));
            v128_t high = wasm_i16x8_add(wasm_i16x8_add(left_high, right_high), wasm_i16x8_shl(mid_high, 1));
            low = wasm_u16x8_shr(wasm_i16x8_add(low, rounding), 4);
            high = wasm_u16x8_shr(wasm_i16x8_add(high, rounding), 4);
            wasm_v128_store(out + x, wasm_u8x16_narrow_i16x8(low, high));
        }
        for (; x < WIDTH - 1; x++) out[x] = blur_pixel(source, y * WIDTH + x);
    }
    for (i32 x = 0; x < WIDTH; x++) {
        target[x] = source[x];
        target[PIXELS - WIDTH + x] = source[PIXELS - WIDTH + x];
    }
}

// Blurs a generated 512×512 grayscale image `passes` times and returns a checksum of it.
EXPORT("blur") u32 run_blur(i32 passes) {
    u32 seed = 12345;
    for (i32 i = 0; i < PIXELS; i++) image[0][i] = (u8)(lcg_next(&seed) >> 24);
    for (i32 pass = 0; pass < passes; pass++) blur(image[pass & 1], image[(pass + 1) & 1]);
    const u8 *result = image[passes > 0 ? passes & 1 : 0];
    // Position-weighted sum of the pixels, 16 at a time: u8 → u16 → u32 lanes.
    v128_t sums = wasm_i32x4_splat(0), weights = wasm_i32x4_make(1, 2, 3, 4);
    for (i32 i = 0; i < PIXELS; i += 16) {
        v128_t pairs = wasm_u16x8_extadd_pairwise_u8x16(wasm_v128_load(result + i));
        v128_t quads = wasm_u32x4_extadd_pairwise_u16x8(pairs);
        sums = wasm_i32x4_add(wasm_i32x4_mul(sums, wasm_i32x4_splat(31)), wasm_i32x4_mul(quads, weights));
    }
    return wasm_u32x4_extract_lane(sums, 0) ^ wasm_u32x4_extract_lane(sums, 1) ^
           wasm_u32x4_extract_lane(sums, 2) ^ wasm_u32x4_extract_lane(sums, 3);
}

#define VECTOR_LENGTH 4096
static float xs[VECTOR_LENGTH], ys[VECTOR_LENGTH];

// x · y with four f32 lanes in each of two accumulators, summed lane-wise at the end.
static float dot(const float *x, const float *y) {
    v128_t even = wasm_f32x4_splat(0.0f), odd = wasm_f32x4_splat(0.0f);
    for (i32 i = 0; i < VECTOR_LENGTH; i += 8) {
        even = wasm_f32x4_add(even, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
        odd = wasm_f32x4_add(odd, wasm_f32x4_mul(wasm_v128_load(x + i + 4), wasm_v128_load(y + i + 4)));
    }
    v128_t sum = wasm_f32x4_add(even, odd);
    sum = wasm_f32x4_add(sum, wasm_i32x4_shuffle(sum, sum, 2, 3, 0, 1));
    sum = wasm_f32x4_add(sum, wasm_i32x4_shuffle(sum, sum, 1, 0, 3, 2));
    return wasm_f32x4_extract_lane(sum, 0);
}

// y ← y · ½ + x (so y stays bounded, tending to 2x), four lanes at a time.
static void halve_and_add(const float *x, float *y) {
    v128_t half = wasm_f32x4_splat(0.5f);
    for (i32 i = 0; i < VECTOR_LENGTH; i += 4)
        wasm_v128_store(y + i, wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(y + i), half), wasm_v128_load(x + i)));
}

// `rounds` times: update y from x, then accumulate x · y; returns the sum in f64.
EXPORT("dot") double run_dot(i32 rounds) {
    u32 seed = 2024;
    for (i32 i = 0; i < VECTOR_LENGTH; i++) {
        xs[i] = (float)(i32)(lcg_next(&seed) >> 16) / 65536.0f - 0.5f;
        ys[i] = (float)(i32)(lcg_next(&seed) >> 16) / 65536.0f;
    }
    double total = 0.0;
    for (i32 round = 0; round < rounds; round++) {
        halve_and_add(xs, ys);
        total += (double)dot(xs, ys);
    }
    return total;
}
