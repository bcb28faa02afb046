;; For the shared-code tests: one module instantiated many times, in many stores, whose
;; code depends on per-instance things: its memory and global (a counter), an imported
;; function (the host's offset), and function references (ref.func and call_indirect),
;; whose addresses differ from store to store.
(module
  (type $unary (func (param i64) (result i64)))
  (import "env" "offset" (func $offset (result i64)))
  (memory 1)
  (global $calls (mut i32) (i32.const 0))
  (table 2 funcref)
  (elem declare func $double)
  (elem (i32.const 1) func $triple)

  (func $double (type $unary) (i64.mul (local.get 0) (i64.const 2)))
  (func $triple (type $unary) (i64.mul (local.get 0) (i64.const 3)))

  ;; Sums 1..n in a loop, plus the host's offset; counts its calls in the global and
  ;; memory.
  (func (export "sum") (param $n i64) (result i64)
    (local $total i64)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.const 0) (global.get $calls))
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $total (i64.add (local.get $total) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (i64.add (local.get $total) (call $offset)))

  (func (export "calls") (result i32) (i32.load (i32.const 0)))

  ;; Puts $double (by ref.func) in slot 0, then calls slot `which` on x.
  (func (export "apply") (param $which i32) (param $x i64) (result i64)
    (table.set (i32.const 0) (ref.func $double))
    (call_indirect (type $unary) (local.get $x) (local.get $which))))
