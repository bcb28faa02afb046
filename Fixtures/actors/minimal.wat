;; minimal: the smallest theater:simple actor (world `minimal`: exports only `actor`, and
;; imports nothing), for spawn benchmarks. init returns ok(state) with the state exactly
;; as given. Written by hand against the canonical ABI:
;;   init: func(state: option<list<u8>>, params: tuple<string>)
;;         -> result<tuple<option<list<u8>>>, string>
;; flattens to (i32 state-discriminant, i32 state-pointer, i32 state-length,
;; i32 id-pointer, i32 id-length) -> i32, the address of the result: discriminant at 0,
;; the option's discriminant at 4, its pointer at 8 and length at 12.
(module
  ;; One page: static return area at 16, heap from 64. The heap is reset by the first
  ;; allocation of each init (the previous result has been lifted by then), as the C
  ;; actors' glue does (Fixtures/actors/actor-abi.h).
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 64))
  (global $previous_call_returned (mut i32) (i32.const 1))

  (func $cabi_realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $start i32) (local $end i32) (local $available i32)
    (if (global.get $previous_call_returned)
      (then
        (global.set $heap (i32.const 64))
        (global.set $previous_call_returned (i32.const 0))))
    (if (i32.le_u (local.get $new_size) (local.get $old_size))
      (then (return (local.get $old))))
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $new_size)))
    ;; A 32-bit wrap means the request cannot fit.
    (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
    (local.set $available (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $available))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u
                  (i32.add (i32.sub (local.get $end) (local.get $available)) (i32.const 65535))
                  (i32.const 16)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (if (local.get $old_size)
      (then (memory.copy (local.get $start) (local.get $old) (local.get $old_size))))
    (local.get $start))

  (func (export "theater:simple/actor#init")
    (param $state_is_some i32) (param $state i32) (param $state_len i32)
    (param $id i32) (param $id_len i32) (result i32)
    (global.set $previous_call_returned (i32.const 1))
    (i32.store (i32.const 16) (i32.const 0))
    (i32.store (i32.const 20) (local.get $state_is_some))
    (i32.store (i32.const 24) (local.get $state))
    (i32.store (i32.const 28) (local.get $state_len))
    (i32.const 16))
)
