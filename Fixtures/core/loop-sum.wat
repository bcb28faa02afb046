;; Sums 1..n in a loop: a long-running function for fuel slicing tests.
(module
  (func $sum (export "sum") (param $n i64) (result i64)
    (local $total i64)
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $total (i64.add (local.get $total) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $total))
  (func (export "spin") (loop $forever (br $forever))))
