;; The interpreter's return forms (see Tests/WasmInterpTests/ReturnFormTests.swift):
;; results already at the frame base (`returnInPlace`), one slot moved from anywhere
;; (`returnSlot`), and the general move of several results, at `return`, `br` to the
;; function, `br_if`, `br_table` and the function's end, through calls.
(module
  (type $three (func (param i32 i64 i32) (result i32 i64 i32)))
  ;; The first parameter returned as it is: nothing to move.
  (func $first (export "first") (param i32 i32) (result i32)
    local.get 0)
  ;; The second parameter: one slot moved.
  (func $second (export "second") (param i32 i32) (result i32)
    local.get 1
    return)
  ;; A constant result.
  (func $constant (export "constant") (result i64)
    i64.const -7)
  ;; No results, from `return` inside a block and from the end.
  (func $nothing (export "nothing") (param i32)
    block
      local.get 0
      br_if 0
      return
    end)
  ;; Several results, the first and last swapped: the general move.
  (func $rotate (export "rotate") (type $three)
    local.get 2
    local.get 1
    i64.const 1
    i64.add
    local.get 0)
  ;; Several results already in place.
  (func $same (export "same") (type $three)
    local.get 0
    local.get 1
    local.get 2)
;; A result on every kind of return path: `br_if` to the function (0 when x = 0), a
  ;; computed `return` (y + 5 when x = 1), `br_table` into blocks (y + 100 when x = 2,
  ;; y + 1000 when x = 3) or to the function (y otherwise).
  (func $pick (export "pick") (param i32 i32) (result i32)
    local.get 1
    local.get 0
    i32.const 10
    i32.mul
    local.get 0
    i32.eqz
    br_if 0
    drop
    drop
    local.get 0
    i32.const 1
    i32.eq
    if
      local.get 1
      i32.const 5
      i32.add
      return
    end
    block (result i32)
      block (result i32)
        local.get 1
        local.get 0
        i32.const 2
        i32.sub
        br_table 0 1 2
      end
      i32.const 100
      i32.add
      return
    end
    i32.const 1000
    i32.add)
  ;; Calls that use each form, so the results land in the caller's slots.
  (func (export "combine") (param i32 i32) (result i64)
    (local i32 i64 i32)
    local.get 0
    local.get 1
    call $first
    local.get 0
    local.get 1
    call $second
    i32.add
    i64.extend_i32_u
    call $constant
    i64.add
    local.get 0
    local.get 1
    i64.extend_i32_u
    local.get 1
    call $rotate
    local.set 4
    local.set 3
    local.set 2
    local.get 3
    i64.add
    local.get 2
    i64.extend_i32_u
    i64.add
    local.get 4
    i64.extend_i32_u
    i64.add
    local.get 0
    call $nothing
    local.get 0
    local.get 1
    call $pick
    i64.extend_i32_u
    i64.add)
)
