// Recursive Fibonacci: call-heavy, almost no memory traffic.
#include "bench.h"

NOINLINE static i32 fib(i32 n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

EXPORT("run") i32 run(i32 n) { return fib(n); }
