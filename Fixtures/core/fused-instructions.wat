;; Instruction sequences the translator fuses into one internal instruction
;; (Tests/WasmInterpTests/FusedInstructionTests.swift): an i32.add computing an address
;; taken over by the load or store, consecutive local copies, and an f64.load taken over
;; by the arithmetic that consumes it; a result computed right before a return written
;; straight to the result slot; f64 arithmetic taken over by the f64.store of its result;
;; f64.mul chains.
(module
  (memory 1)
  ;; i32.add + i32.load: the sum wraps at 2^32, the static offset does not.
  (func (export "load-at-sum") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add
    i32.load offset=4)
  (func (export "load8-at-sum") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add
    i32.load8_s)
  ;; i32.add + i64.store, read back through a load of a local (not fused).
  (func (export "store-at-sum") (param i32 i32 i64) (result i64)
    local.get 0
    local.get 1
    i32.add
    local.get 2
    i64.store offset=8
    local.get 0
    local.get 1
    i32.add
    local.set 0
    local.get 0
    i64.load offset=8)
  ;; Three copies (two merge): a swap through local 2; the result is a * 1000 + b.
  (func (export "swap") (param i32 i32) (result i32)
    (local i32)
    local.get 0
    local.set 2
    local.get 1
    local.set 0
    local.get 2
    local.set 1
    local.get 0
    i32.const 1000
    i32.mul
    local.get 1
    i32.add)
  ;; A copy reading the destination of the copy merged before it.
  (func (export "copy-chain") (param i32 i32) (result i32)
    (local i32)
    local.get 1
    local.set 0
    local.get 0
    local.set 2
    local.get 2)
  (func (export "store-f64") (param i32 f64)
    local.get 0
    local.get 1
    f64.store)
  ;; f64.load + f64 arithmetic, with the load on either side.
  (func (export "loaded-minus") (param i32 f64) (result f64)
    local.get 0
    f64.load offset=8
    local.get 1
    f64.sub)
  (func (export "minus-loaded") (param i32 f64) (result f64)
    local.get 1
    local.get 0
    f64.load offset=8
    f64.sub)
  (func (export "plus-loaded") (param i32 f64) (result f64)
    local.get 1
    local.get 0
    f64.load offset=8
    f64.add)
  ;; The result overwrites the frame's first slot, which the add also reads; the early
  ;; return sits on a conditional path, the fall-through path returns another sum.
  (func (export "sum-returned") (param i32 i32) (result i32)
    local.get 0
    i32.const 100
    i32.gt_u
    if
      local.get 1
      local.get 0
      i32.add
      return
    end
    local.get 0
    local.get 1
    i32.sub)
  ;; f64 arithmetic whose result an f64.store takes, and a product of a product and a local.
  (func (export "store-difference") (param i32 f64 f64)
    local.get 0
    local.get 1
    local.get 2
    f64.sub
    f64.store offset=8)
  (func (export "product-of-three") (param f64 f64 f64) (result f64)
    local.get 0
    local.get 1
    f64.mul
    local.get 2
    f64.mul)
  (func (export "loaded-times") (param i32 f64) (result f64)
    local.get 0
    f64.load offset=8
    local.get 1
    f64.mul))
