;; Core module for the canonical ABI tests (Tests/ComponentModelTests/CanonicalABI*Tests).
;;
;; - `cabi_realloc` is a bump allocator that logs every call (old, old size, alignment,
;;   new size) as four i32s from address 1024, so tests can check the realloc protocol.
;;   `set_mode 1` makes it return misaligned pointers, `set_mode 2` out-of-bounds ones.
;; - `forward_*` pass their core arguments to a host import of the same flat shape, with a
;;   return area when the result spills, and return what it returns: a value lowered by
;;   the host comes back through a canonically lowered import and a lifted export.
;; - `return_words` / `identity_i32` let tests hand the host arbitrary "guest" results.
;; - `actor_handle` is `handle(state: option<list<u8>>, msg: list<u8>)
;;   -> result<tuple<option<list<u8>>>, string>`: the next state is state ++ msg, an empty
;;   message is an error "empty".
(module
  (import "host" "i32" (func $host_i32 (param i32) (result i32)))
  (import "host" "i64" (func $host_i64 (param i64) (result i64)))
  (import "host" "f32" (func $host_f32 (param f32) (result f32)))
  (import "host" "f64" (func $host_f64 (param f64) (result f64)))
  (import "host" "pair" (func $host_pair (param i32 i32 i32)))
  (import "host" "triple" (func $host_triple (param i32 i32 i32 i32)))
  (import "host" "quad" (func $host_quad (param i32 i32 i32 i32 i32)))
  (import "host" "record" (func $host_record (param i32 i32 i32 f64 i32)))
  (import "host" "variant" (func $host_variant (param i32 i64 i32 i32)))
  (import "host" "spill" (func $host_spill (param i32 i32)))
  (import "host" "void" (func $host_void))
  (import "canon" "resource-new" (func $resource_new (param i32) (result i32)))
  (import "canon" "resource-rep" (func $resource_rep (param i32) (result i32)))
  (import "canon" "resource-drop" (func $resource_drop (param i32)))

  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (global $mode (mut i32) (i32.const 0))
  (global $realloc_calls (mut i32) (i32.const 0))
  (global $post_returns (mut i32) (i32.const 0))
  (data (i32.const 64) "empty")

  ;; Allocates `size` bytes at `align` from the heap, growing the memory as needed.
  (func $bump (param $align i32) (param $size i32) (result i32)
    (local $ptr i32) (local $end i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $ptr)) (then unreachable))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow
                (i32.sub
                  (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16))
                  (memory.size)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $ptr))

  (func $realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $entry i32) (local $ptr i32)
    (if (i32.lt_u (global.get $realloc_calls) (i32.const 128))
      (then
        (local.set $entry (i32.add (i32.const 1024) (i32.shl (global.get $realloc_calls) (i32.const 4))))
        (i32.store (local.get $entry) (local.get $old))
        (i32.store offset=4 (local.get $entry) (local.get $old_size))
        (i32.store offset=8 (local.get $entry) (local.get $align))
        (i32.store offset=12 (local.get $entry) (local.get $new_size))))
    (global.set $realloc_calls (i32.add (global.get $realloc_calls) (i32.const 1)))
    (if (i32.eq (global.get $mode) (i32.const 2)) (then (return (i32.const 0xFFFF0000))))
    (local.set $ptr (call $bump (local.get $align) (local.get $new_size)))
    (if (local.get $old)
      (then
        (memory.copy (local.get $ptr) (local.get $old)
          (select (local.get $old_size) (local.get $new_size)
            (i32.lt_u (local.get $old_size) (local.get $new_size))))))
    (if (i32.eq (global.get $mode) (i32.const 1)) (then (return (i32.add (local.get $ptr) (i32.const 1)))))
    (local.get $ptr))

  (func (export "set_mode") (param i32) (global.set $mode (local.get 0)))
  (func (export "realloc_calls") (result i32) (global.get $realloc_calls))
  (func (export "post_return_count") (result i32) (global.get $post_returns))
  (func (export "post_return") (param i32)
    (global.set $post_returns (i32.add (global.get $post_returns) (i32.const 1))))
  (func (export "post_return_calls_host") (param i32) (call $host_void))

  ;; Forwarders: export and import share one flat shape.
  (func (export "forward_i32") (param i32) (result i32) (call $host_i32 (local.get 0)))
  (func (export "forward_i64") (param i64) (result i64) (call $host_i64 (local.get 0)))
  (func (export "forward_f32") (param f32) (result f32) (call $host_f32 (local.get 0)))
  (func (export "forward_f64") (param f64) (result f64) (call $host_f64 (local.get 0)))
  (func (export "forward_pair") (param i32 i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_pair (local.get 0) (local.get 1) (local.get $r))
    (local.get $r))
  (func (export "forward_triple") (param i32 i32 i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_triple (local.get 0) (local.get 1) (local.get 2) (local.get $r))
    (local.get $r))
  (func (export "forward_quad") (param i32 i32 i32 i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_quad (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get $r))
    (local.get $r))
  (func (export "forward_record") (param i32 i32 i32 f64) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_record (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get $r))
    (local.get $r))
  (func (export "forward_variant") (param i32 i64 i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_variant (local.get 0) (local.get 1) (local.get 2) (local.get $r))
    (local.get $r))
  (func (export "forward_spill") (param i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 512)))
    (call $host_spill (local.get 0) (local.get $r))
    (local.get $r))

  ;; Raw results.
  (func (export "identity_i32") (param i32) (result i32) (local.get 0))
  (func (export "return_words") (param i32 i32) (result i32) (local $r i32)
    (local.set $r (call $bump (i32.const 8) (i32.const 8)))
    (i32.store (local.get $r) (local.get 0))
    (i32.store offset=4 (local.get $r) (local.get 1))
    (local.get $r))

  ;; Resources.
  (func (export "new_resource") (param i32) (result i32) (call $resource_new (local.get 0)))
  (func (export "rep_of") (param i32) (result i32) (call $resource_rep (local.get 0)))
  (func (export "drop_handle") (param i32) (result i32)
    (call $resource_drop (local.get 0))
    (local.get 0))

  (func (export "actor_handle")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (local $r i32) (local $p i32) (local $n i32)
    (local.set $r (call $bump (i32.const 4) (i32.const 16)))
    (if (i32.eqz (local.get $msg_len))
      (then
        (i32.store8 (local.get $r) (i32.const 1))
        (i32.store offset=4 (local.get $r) (i32.const 64))
        (i32.store offset=8 (local.get $r) (i32.const 5))
        (return (local.get $r))))
    (if (i32.eqz (local.get $state_disc)) (then (local.set $state_len (i32.const 0))))
    (local.set $n (i32.add (local.get $state_len) (local.get $msg_len)))
    (local.set $p (call $bump (i32.const 1) (local.get $n)))
    (memory.copy (local.get $p) (local.get $state_ptr) (local.get $state_len))
    (memory.copy (i32.add (local.get $p) (local.get $state_len)) (local.get $msg_ptr) (local.get $msg_len))
    (i32.store8 (local.get $r) (i32.const 0))
    (i32.store8 offset=4 (local.get $r) (i32.const 1))
    (i32.store offset=8 (local.get $r) (local.get $p))
    (i32.store offset=12 (local.get $r) (local.get $n))
    (local.get $r)))
