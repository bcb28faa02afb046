;; Implements test:strings/text with strings in UTF-16 (lengths in code units).
;; The same source builds with each encoding; only the constant strings differ.
(module
  (import "host" "greeting" (func $host_greeting (param i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (data (i32.const 64) "\68\00\e9\00\6c\00\6c\00\6f\00\20\00\77\00\f6\00\72\00\6c\00\64\00")
  (data (i32.const 128) "\13\27\20\00\64\00\6f\00\6e\00\65\00")

  (func $cabi_realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $ptr i32)
    (if (i32.le_u (local.get $new_size) (local.get $old_size))
      (then (return (local.get $old))))
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then unreachable))
    (if (local.get $old_size)
      (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))

  (func $return_string (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 1024) (local.get $ptr))
    (i32.store (i32.const 1028) (local.get $len))
    (i32.const 1024))

  (func (export "test:strings/text#echo") (param i32 i32) (result i32)
    (call $return_string (local.get 0) (local.get 1)))
  (func (export "test:strings/text#code-units") (param i32 i32) (result i32)
    (local.get 1))
  (func (export "test:strings/text#greeting") (result i32)
    (call $return_string (i32.const 64) (i32.const 11)))
  (func (export "test:strings/text#check-mark") (result i32)
    (call $return_string (i32.const 128) (i32.const 6)))
  (func (export "test:strings/text#call-host") (result i32)
    (call $host_greeting (i32.const 1024))
    (i32.const 1024))
)
