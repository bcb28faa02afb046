// Dense double-precision matrix multiply: f64 loads, multiply-adds, stores.
#include "bench.h"

#define MAX_N 400
static double a[MAX_N * MAX_N], b[MAX_N * MAX_N], c[MAX_N * MAX_N];

// Multiplies two n×n matrices (n at most 400) and returns a weighted sum of the product.
EXPORT("run") double run(i32 n) {
    if (n < 1) n = 1;
    if (n > MAX_N) n = MAX_N;
    for (i32 i = 0; i < n; i++) {
        for (i32 j = 0; j < n; j++) {
            a[i * n + j] = (double)(i - j) / (double)(i + j + 1);
            b[i * n + j] = (double)(i * j % 7) * 0.25 - 0.5;
        }
    }
    for (i32 i = 0; i < n; i++) {
        for (i32 j = 0; j < n; j++) c[i * n + j] = 0.0;
        for (i32 k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (i32 j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
    }
    double checksum = 0.0;
    for (i32 i = 0; i < n * n; i++) checksum += c[i] * (double)(i % 13 + 1);
    return checksum;
}
