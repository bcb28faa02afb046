;; Calls initialize a frame's declared locals to zero and its constants from one template
;; (FrameInitializationTests): each function dirties its locals before returning, so a
;; second call sees zeros only if the call path wrote them again.
(module
  (type $unary (func (param i32) (result i32)))
  (table 1 funcref)
  (elem declare func $triple)
  (func $triple (type $unary) (i32.mul (local.get 0) (i32.const 3)))
  ;; Two locals and three constants (8 slots or fewer: the unrolled copies).
  (func $small (export "small") (param $n i32) (result i32)
    (local $a i32) (local $b i64)
    (local.set $a (i32.add (local.get $a) (i32.const 7)))
    (local.set $b (i64.add (local.get $b) (i64.const 1000)))
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then (local.set $a (i32.add (local.get $a) (call $small (i32.sub (local.get $n) (i32.const 1)))))))
    (i32.add (local.get $a) (i32.wrap_i64 (local.get $b))))
  ;; Ten locals and several constants (more than 8 slots: the bulk copy).
  (func (export "large") (param $x i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local.set 1 (i32.add (local.get 1) (i32.const 11)))
    (local.set 5 (i32.add (local.get 5) (i32.const 13)))
    (local.set 10 (i32.add (local.get 10) (i32.const 17)))
    (i32.add (local.get $x)
      (i32.add (local.get 1)
        (i32.add (local.get 2)
          (i32.add (local.get 5) (i32.add (local.get 9) (local.get 10)))))))
  ;; Declared locals before a `ref.func` constant, filled in per instance.
  (func (export "through-reference") (param $x i32) (result i32)
    (local $zero i32) (local $also f64)
    (table.set (i32.const 0) (ref.func $triple))
    (local.set $zero (i32.add (local.get $zero) (i32.const 1)))
    (i32.add
      (call_indirect (type $unary) (local.get $x) (i32.const 0))
      (local.get $zero)))
)
