;; One component calling another: the outer component instantiates a nested component
;; that exports `double`, lowers that lifted function into its own core module, and
;; exports `quadruple`, which calls `double` twice, and `describe`, which passes a string
;; through the inner component (lifted and lowered again on the way, with memories on
;; both sides).
(component
  (component $Doubler
    (core module $Core
      (memory (export "memory") 1)
      (global $heap (mut i32) (i32.const 1024))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $ptr i32)
        (local.set $ptr (global.get $heap))
        (global.set $heap (i32.add (global.get $heap) (local.get 3)))
        (local.get $ptr))
      (func (export "double") (param i32) (result i32)
        (i32.mul (local.get 0) (i32.const 2)))
      ;; shout(s) returns s followed by "!".
      (func (export "shout") (param $ptr i32) (param $len i32) (result i32)
        (i32.store8 (i32.add (local.get $ptr) (local.get $len)) (i32.const 33))
        (global.set $heap (i32.add (global.get $heap) (i32.const 1)))
        (i32.store (i32.const 16) (local.get $ptr))
        (i32.store (i32.const 20) (i32.add (local.get $len) (i32.const 1)))
        (i32.const 16)))
    (core instance $core (instantiate $Core))
    (alias core export $core "memory" (core memory $memory))
    (alias core export $core "realloc" (core func $realloc))
    (func (export "double") (param "x" u32) (result u32) (canon lift (core func $core "double")))
    (func (export "shout") (param "s" string) (result string)
      (canon lift (core func $core "shout") (memory $memory) (realloc $realloc))))
  (instance $doubler (instantiate $Doubler))
  (alias export $doubler "double" (func $double))
  (alias export $doubler "shout" (func $shout))

  (core module $Memory
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $ptr i32)
      (local.set $ptr (global.get $heap))
      (global.set $heap (i32.add (global.get $heap) (local.get 3)))
      (local.get $ptr)))
  (core instance $memory (instantiate $Memory))
  (alias core export $memory "memory" (core memory $outer-memory))
  (alias core export $memory "realloc" (core func $outer-realloc))
  (core func $double-lowered (canon lower (func $double)))
  (core func $shout-lowered (canon lower (func $shout) (memory $outer-memory) (realloc $outer-realloc)))
  (core instance $doubler-imports
    (export "double" (func $double-lowered))
    (export "shout" (func $shout-lowered)))
  (core module $Quadrupler
    (import "memory" "memory" (memory 1))
    (import "doubler" "double" (func $double (param i32) (result i32)))
    (import "doubler" "shout" (func $shout (param i32 i32 i32)))
    (func (export "quadruple") (param i32) (result i32)
      (call $double (call $double (local.get 0))))
    ;; describe(s): shout(s), returned through the return area at 32.
    (func (export "describe") (param i32 i32) (result i32)
      (call $shout (local.get 0) (local.get 1) (i32.const 32))
      (i32.const 32)))
  (core instance $quadrupler (instantiate $Quadrupler
    (with "memory" (instance $memory))
    (with "doubler" (instance $doubler-imports))))
  (func (export "quadruple") (param "x" u32) (result u32) (canon lift (core func $quadrupler "quadruple")))
  (func (export "describe") (param "s" string) (result string)
    (canon lift (core func $quadrupler "describe") (memory $outer-memory) (realloc $outer-realloc)))
)
