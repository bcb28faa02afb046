// Quicksort and heap sort of pseudo-random integers in linear memory.
#include "bench.h"

#define MAX_COUNT (1 << 20)
static i32 values[MAX_COUNT];

static void fill(i32 count, u32 seed) {
    for (i32 i = 0; i < count; i++) values[i] = (i32)(lcg_next(&seed) >> 1);
}

// A checksum that depends on the order, so an unsorted result shows.
static i32 checksum(i32 count) {
    u32 sum = 0;
    for (i32 i = 0; i < count; i++) {
        if (i > 0 && values[i - 1] > values[i]) return -1;
        sum = sum * 31u + (u32)values[i];
    }
    return (i32)sum;
}

static void swap(i32 *a, i32 *b) {
    i32 t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(i32 *a, i32 low, i32 high) {
    while (low < high) {
        i32 pivot = a[low + (high - low) / 2];
        i32 i = low, j = high;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                swap(&a[i], &a[j]);
                i++;
                j--;
            }
        }
        // Recurse into the smaller side, loop on the larger: bounded depth.
        if (j - low < high - i) {
            quicksort(a, low, j);
            low = i;
        } else {
            quicksort(a, i, high);
            high = j;
        }
    }
}

static void sift_down(i32 *a, i32 root, i32 end) {
    while (2 * root + 1 < end) {
        i32 child = 2 * root + 1;
        if (child + 1 < end && a[child] < a[child + 1]) child++;
        if (a[root] >= a[child]) return;
        swap(&a[root], &a[child]);
        root = child;
    }
}

static void heapsort(i32 *a, i32 count) {
    for (i32 start = count / 2 - 1; start >= 0; start--) sift_down(a, start, count);
    for (i32 end = count - 1; end > 0; end--) {
        swap(&a[0], &a[end]);
        sift_down(a, 0, end);
    }
}

static i32 clamp_count(i32 count) { return count < 1 ? 1 : (count > MAX_COUNT ? MAX_COUNT : count); }

EXPORT("quicksort") i32 run_quicksort(i32 count) {
    count = clamp_count(count);
    fill(count, 12345u);
    quicksort(values, 0, count - 1);
    return checksum(count);
}

EXPORT("heapsort") i32 run_heapsort(i32 count) {
    count = clamp_count(count);
    fill(count, 67890u);
    heapsort(values, count);
    return checksum(count);
}
