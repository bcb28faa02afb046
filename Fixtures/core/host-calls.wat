;; Calls an imported host function in a loop, accumulating what it returns.
(module
  (import "host" "next" (func $next (param i32) (result i32)))
  (func (export "accumulate") (param $count i32) (result i32)
    (local $total i32) (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $total (i32.add (local.get $total) (call $next (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $total)))
