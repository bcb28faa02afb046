;; Instructions followed by an operand word (select, call_indirect, table.copy, table.init,
;; SIMD) and a nop, for OperandWordTests: the interpreter steps over these words by their
;; `w`, which the translator leaves 0.
(module
  (type $binary (func (param i32 i32) (result i32)))
  (table $t 4 funcref)
  (elem $e func $add $sub)
  (memory 1)
  (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binary) (i32.sub (local.get 0) (local.get 1)))
  ;; table.init puts $add, $sub at 0, 1; table.copy copies them to 2, 3; then calls
  ;; element `index` (0..3) on 7 and 5 and adds 100 when `pick` is non-zero.
  (func (export "dispatch") (param $index i32) (param $pick i32) (result i32)
    (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 2))
    (table.copy $t $t (i32.const 2) (i32.const 0) (i32.const 2))
    nop
    (select
      (i32.add (call_indirect (type $binary) (i32.const 7) (i32.const 5) (local.get $index)) (i32.const 100))
      (call_indirect (type $binary) (i32.const 7) (i32.const 5) (local.get $index))
      (local.get $pick)))
  ;; The lanes of (a, b, a, b) + (1, 2, 3, 4), summed.
  (func (export "lanes") (param $a i32) (param $b i32) (result i32)
    (local $v v128)
    (local.set $v
      (i32x4.add
        (i32x4.replace_lane 3 (i32x4.replace_lane 1 (i32x4.splat (local.get $a)) (local.get $b)) (local.get $b))
        (v128.const i32x4 1 2 3 4)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
      (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v)))))
)
