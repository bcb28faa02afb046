;; Calls and returns of the interpreter's call path: recursion whose depth the caller
;; chooses, callees with different numbers of locals and constants, several results, and
;; a trap deep in the call stack.
(module
  ;; Naive Fibonacci: two calls per frame, results through the return path.
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  ;; Recurses n times: n + 1 frames deep at the bottom; returns n.
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))

  ;; Two results and declared locals and constants, so calls initialize slots and returns
  ;; copy more than one value.
  (func $split (param $n i32) (result i32 i64)
    (local $a i32) (local $b i64) (local $c f64)
    (local.set $a (i32.mul (local.get $n) (i32.const 3)))
    (local.set $b (i64.extend_i32_u (i32.add (local.get $n) (i32.const 7))))
    (local.get $a)
    (local.get $b))

  ;; Sums both results of `split` and `fib` of small numbers for i in 0..<n.
  (func (export "mixed") (param $n i32) (result i64)
    (local $i i32) (local $sum i64) (local $x i32) (local $y i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $split (local.get $i))
        (local.set $y)
        (local.set $x)
        (local.set $sum (i64.add (local.get $sum)
          (i64.add (local.get $y) (i64.extend_i32_u (local.get $x)))))
        (local.set $sum (i64.add (local.get $sum)
          (i64.extend_i32_u (call $fib (i32.and (local.get $i) (i32.const 7))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Recurses n times, then traps: the backtrace has n + 1 frames of `trap_deep`.
  (func $trap_deep (export "trap_deep") (param $n i32)
    (if (i32.eqz (local.get $n))
      (then (unreachable)))
    (call $trap_deep (i32.sub (local.get $n) (i32.const 1)))))
