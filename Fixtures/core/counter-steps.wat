;; Loop counters stepped and tested at the loop's end (`local.tee` of an `i32.add`, then
;; `i32.ne`, then `br_if`): the translator fuses the three into one `i32AddBranchIfNe`.
;; Each function returns how many times its loop body ran.
(module
  ;; i += step until i == end, the counter on the comparison's left.
  (func (export "steps-until") (param $i i32) (param $step i32) (param $end i32) (result i32)
    (local $count i32)
    (loop $again
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (br_if $again (i32.ne (local.tee $i (i32.add (local.get $i) (local.get $step))) (local.get $end))))
    (local.get $count))

  ;; The same with the counter on the right and a constant step (clang's form).
  (func (export "steps-until-swapped") (param $i i32) (param $end i32) (result i32)
    (local $count i32)
    (loop $again
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (br_if $again (i32.ne (local.get $end) (local.tee $i (i32.add (local.get $i) (i32.const 2))))))
    (local.get $count))

  ;; Odd iterations skip the step through a block whose end lies between the step and the
  ;; test: a jump lands on the test, so the step must stay apart from it.
  (func (export "step-then-label") (param $end i32) (result i32)
    (local $i i32) (local $count i32)
    (loop $again
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (block $skip
        (br_if $skip (i32.and (local.get $count) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1))))
      (br_if $again (i32.ne (local.get $i) (local.get $end))))
    (local.get $count))

  ;; A forward branch out of a block, not a back edge: the step fuses there too.
  (func (export "step-and-leave") (param $i i32) (param $end i32) (result i32)
    (block $done
      (br_if $done (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end)))
      (return (i32.const -1)))
    (local.get $i))
)
