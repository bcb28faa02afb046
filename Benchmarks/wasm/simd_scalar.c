// The kernels of simd.c in plain scalar C (built without SIMD), computing bit-identical
// results: the baseline that shows what SIMD gains on each engine.
#include "bench.h"

#define WIDTH 512
#define HEIGHT 512
#define PIXELS (WIDTH * HEIGHT)
static u8 image[2][PIXELS];

// The 3×3 Gaussian [1 2 1; 2 4 2; 1 2 1] / 16 of one interior pixel, rounded.
static inline u8 blur_pixel(const u8 *source, i32 i) {
    const u8 *above = source + i - WIDTH, *row = source + i, *below = source + i + WIDTH;
    u32 left = above[-1] + 2u * row[-1] + below[-1];
    u32 middle = above[0] + 2u * row[0] + below[0];
    u32 right = above[1] + 2u * row[1] + below[1];
    return (u8)((left + 2u * middle + right + 8) >> 4);
}

// One 3×3 Gaussian blur of the interior of `source` into `target` (the border is copied).
static void blur(const u8 *source, u8 *target) {
    for (i32 y = 1; y < HEIGHT - 1; y++) {
        target[y * WIDTH] = source[y * WIDTH];
        target[y * WIDTH + WIDTH - 1] = source[y * WIDTH + WIDTH - 1];
        for (i32 x = 1; x < WIDTH - 1; x++) target[y * WIDTH + x] = blur_pixel(source, y * WIDTH + x);
    }
    for (i32 x = 0; x < WIDTH; x++) {
        target[x] = source[x];
        target[PIXELS - WIDTH + x] = source[PIXELS - WIDTH + x];
    }
}

// Blurs a generated 512×512 grayscale image `passes` times and returns the checksum simd.c
// computes (four interleaved position-weighted sums).
EXPORT("blur") u32 run_blur(i32 passes) {
    u32 seed = 12345;
    for (i32 i = 0; i < PIXELS; i++) image[0][i] = (u8)(lcg_next(&seed) >> 24);
    for (i32 pass = 0; pass < passes; pass++) blur(image[pass & 1], image[(pass + 1) & 1]);
    const u8 *result = image[passes > 0 ? passes & 1 : 0];
    u32 sums[4] = {0, 0, 0, 0};
    for (i32 i = 0; i < PIXELS; i += 16) {
        for (i32 lane = 0; lane < 4; lane++) {
            const u8 *p = result + i + 4 * lane;
            u32 quad = (u32)p[0] + p[1] + p[2] + p[3];
            sums[lane] = sums[lane] * 31u + quad * (u32)(lane + 1);
        }
    }
    return sums[0] ^ sums[1] ^ sums[2] ^ sums[3];
}

#define VECTOR_LENGTH 4096
static float xs[VECTOR_LENGTH], ys[VECTOR_LENGTH];

// x · y summed in the same order as simd.c's eight lanes, so the result is bit-identical.
static float dot(const float *x, const float *y) {
    float even[4] = {0, 0, 0, 0}, odd[4] = {0, 0, 0, 0};
    for (i32 i = 0; i < VECTOR_LENGTH; i += 8) {
        for (i32 lane = 0; lane < 4; lane++) {
            even[lane] += x[i + lane] * y[i + lane];
            odd[lane] += x[i + 4 + lane] * y[i + 4 + lane];
        }
    }
    float sum[4];
    for (i32 lane = 0; lane < 4; lane++) sum[lane] = even[lane] + odd[lane];
    return (sum[0] + sum[2]) + (sum[1] + sum[3]);
}

// y ← y · ½ + x.
static void halve_and_add(const float *x, float *y) {
    for (i32 i = 0; i < VECTOR_LENGTH; i++) y[i] = y[i] * 0.5f + x[i];
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
