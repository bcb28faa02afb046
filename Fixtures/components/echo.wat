;; Implements test:echo/echo (world echo-world) against the canonical ABI by hand: every
;; function returns its argument, so lifting and lowering of each value type round-trip.
;; Results with more than one flat value are written to the return area at 1024.
;; echo-string and echo-list-string have post-return functions that count their calls.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (global $post_returns (mut i32) (i32.const 0))

  (func $cabi_realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $ptr i32) (local $needed i32)
    (if (i32.le_u (local.get $new_size) (local.get $old_size))
      (then (return (local.get $old))))
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (local.set $needed (i32.sub (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
    (if (i32.gt_s (local.get $needed) (i32.const 0))
      (then
        (if (i32.eq
              (memory.grow (i32.div_u (i32.add (local.get $needed) (i32.const 65535)) (i32.const 65536)))
              (i32.const -1))
          (then unreachable))))
    (if (local.get $old_size)
      (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))

  ;; Two i32s into the return area: strings, lists, records of two 32-bit fields.
  (func $return_pair (param $first i32) (param $second i32) (result i32)
    (i32.store (i32.const 1024) (local.get $first))
    (i32.store (i32.const 1028) (local.get $second))
    (i32.const 1024))

  ;; A discriminant byte and two 32-bit payload words at 4 and 8: variants, options, results.
  (func $return_case (param $disc i32) (param $first i32) (param $second i32) (result i32)
    (i32.store8 (i32.const 1024) (local.get $disc))
    (i32.store (i32.const 1028) (local.get $first))
    (i32.store (i32.const 1032) (local.get $second))
    (i32.const 1024))

  (func (export "test:echo/echo#echo-bool") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-s8") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-u8") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-s16") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-u16") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-s32") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-u32") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-s64") (param i64) (result i64) (local.get 0))
  (func (export "test:echo/echo#echo-u64") (param i64) (result i64) (local.get 0))
  (func (export "test:echo/echo#echo-f32") (param f32) (result f32) (local.get 0))
  (func (export "test:echo/echo#echo-f64") (param f64) (result f64) (local.get 0))
  (func (export "test:echo/echo#echo-char") (param i32) (result i32) (local.get 0))

  (func (export "test:echo/echo#echo-string") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))
  (func (export "cabi_post_test:echo/echo#echo-string") (param i32)
    (global.set $post_returns (i32.add (global.get $post_returns) (i32.const 1))))
  (func (export "test:echo/echo#echo-name") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))
  (func (export "test:echo/echo#echo-list-u8") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))
  (func (export "test:echo/echo#echo-list-u32") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))
  (func (export "test:echo/echo#echo-list-string") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))
  (func (export "cabi_post_test:echo/echo#echo-list-string") (param i32)
    (global.set $post_returns (i32.add (global.get $post_returns) (i32.const 1))))
  (func (export "test:echo/echo#echo-point") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))

  ;; person { name: string @0, age: u8 @8, tags: list<string> @12 }
  (func (export "test:echo/echo#echo-person")
    (param $name_ptr i32) (param $name_len i32) (param $age i32) (param $tags_ptr i32) (param $tags_len i32)
    (result i32)
    (i32.store (i32.const 1024) (local.get $name_ptr))
    (i32.store (i32.const 1028) (local.get $name_len))
    (i32.store8 (i32.const 1032) (local.get $age))
    (i32.store (i32.const 1036) (local.get $tags_ptr))
    (i32.store (i32.const 1040) (local.get $tags_len))
    (i32.const 1024))

  ;; tuple<u8 @0, string @4, f64 @16>
  (func (export "test:echo/echo#echo-tuple")
    (param $byte i32) (param $text_ptr i32) (param $text_len i32) (param $number f64) (result i32)
    (i32.store8 (i32.const 1024) (local.get $byte))
    (i32.store (i32.const 1028) (local.get $text_ptr))
    (i32.store (i32.const 1032) (local.get $text_len))
    (f64.store (i32.const 1040) (local.get $number))
    (i32.const 1024))

  (func (export "test:echo/echo#echo-shape") (param i32 i32 i32) (result i32)
    (call $return_case (local.get 0) (local.get 1) (local.get 2)))
  (func (export "test:echo/echo#echo-color") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-permissions") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-wide-flags") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-option") (param i32 i32) (result i32)
    (call $return_case (local.get 0) (local.get 1) (i32.const 0)))
  (func (export "test:echo/echo#echo-option-string") (param i32 i32 i32) (result i32)
    (call $return_case (local.get 0) (local.get 1) (local.get 2)))
  (func (export "test:echo/echo#echo-result") (param i32 i32 i32) (result i32)
    (call $return_case (local.get 0) (local.get 1) (local.get 2)))
  (func (export "test:echo/echo#echo-result-empty") (param i32) (result i32) (local.get 0))
  (func (export "test:echo/echo#echo-nested") (param i32 i32) (result i32)
    (call $return_pair (local.get 0) (local.get 1)))

  ;; 17 flat parameters: they arrive in memory, a1..a16 as u32 at 0..60, a17 as u64 at 64.
  (func (export "test:echo/echo#sum-many") (param $args i32) (result i64)
    (local $index i32) (local $sum i64)
    (local.set $sum (i64.load (i32.add (local.get $args) (i32.const 64))))
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $index) (i32.const 16)))
        (local.set $sum
          (i64.add (local.get $sum)
            (i64.extend_i32_u (i32.load (i32.add (local.get $args) (i32.shl (local.get $index) (i32.const 2)))))))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; 17 flat parameters in memory; the result tuple has exactly their layout.
  (func (export "test:echo/echo#echo-many") (param $args i32) (result i32)
    (local.get $args))

  (func (export "test:echo/echo#post-return-count") (result i32)
    (global.get $post_returns))
)
