;; Instructions reading the result of the instruction right before them, which the
;; translator pairs through the interpreter's accumulators
;; (Tests/WasmInterpTests/AccumulatorTests.swift): operands on either side of
;; non-commutative operators, addresses, stored values, branch conditions, and a branch
;; landing on a reader, which must read the slot.
(module
  (memory 1)
  ;; rotl(((c - (a + b)) << 3) ^ b, a >> 5)
  (func (export "int-chain") (param i32 i32 i32) (result i32)
    local.get 2
    local.get 0
    local.get 1
    i32.add
    i32.sub
    i32.const 3
    i32.shl
    local.get 1
    i32.xor
    local.get 0
    i32.const 5
    i32.shr_u
    i32.rotl)
  ;; (b << ((a * b) - a)) - i64(u32(a))
  (func (export "i64-chain") (param i64 i64) (result i64)
    local.get 1
    local.get 0
    local.get 1
    i64.mul
    local.get 0
    i64.sub
    i64.shl
    local.get 0
    i32.wrap_i64
    i64.extend_i32_u
    i64.sub)
  ;; sqrt(c / (a * b + a))
  (func (export "f64-chain") (param f64 f64 f64) (result f64)
    local.get 2
    local.get 0
    local.get 1
    f64.mul
    local.get 0
    f64.add
    f64.div
    f64.sqrt)
  ;; The word at index i: the shifted index is the address.
  (func (export "load-indexed") (param i32) (result i32)
    local.get 0
    i32.const 2
    i32.shl
    i32.load)
  ;; Stores a + b at address p (the sum is the stored value); returns the word read back.
  (func (export "store-sum") (param i32 i32 i32) (result i32)
    local.get 0
    local.get 1
    local.get 2
    i32.add
    i32.store
    local.get 0
    i32.load)
  ;; Stores sqrt(x) at address p; returns the f64 read back.
  (func (export "store-root") (param i32 f64) (result f64)
    local.get 0
    local.get 1
    f64.sqrt
    f64.store
    local.get 0
    f64.load)
  ;; x * y + the f64 at address p (the product feeds a load-and-add).
  (func (export "product-plus-loaded") (param i32 f64 f64) (result f64)
    local.get 1
    local.get 2
    f64.mul
    local.get 0
    f64.load
    f64.add)
  ;; 1 if limit < the word at p, else 0: the loaded word is the comparison's right side.
  (func (export "below-loaded") (param i32 i32) (result i32)
    block
      local.get 1
      local.get 0
      i32.load
      i32.lt_s
      br_if 0
      i32.const 0
      return
    end
    i32.const 1)
  ;; 7 if the byte at p is zero, else 9: the loaded byte is the branch condition.
  (func (export "byte-is-zero") (param i32) (result i32)
    block
      local.get 0
      i32.load8_u
      br_if 0
      i32.const 7
      return
    end
    i32.const 9)
  ;; (branch ? a * 3 : a + 100) - 7. On the branch, the value comes through a copy and the
  ;; last result computed is the condition (branch & 1): the subtraction after the block's
  ;; end is a branch target and must read the block's result slot.
  (func (export "label-between") (param i32 i32) (result i32)
    block (result i32)
      local.get 0
      i32.const 3
      i32.mul
      local.get 1
      i32.const 1
      i32.and
      br_if 0
      drop
      local.get 0
      i32.const 100
      i32.add
    end
    i32.const 7
    i32.sub)
;; Sum of 0..n-1, counting up to n (i < n tested right after i + 1), and with the
  ;; comparison written the other way round (n > i).
  (func (export "count-up") (param i32) (result i32)
    (local i32 i32)
    loop
      local.get 2
      local.get 1
      i32.add
      local.set 2
      local.get 1
      i32.const 1
      i32.add
      local.set 1
      local.get 1
      local.get 0
      i32.lt_u
      br_if 0
    end
    local.get 2)
  (func (export "count-up-mirrored") (param i32) (result i32)
    (local i32 i32)
    loop
      local.get 2
      local.get 1
      i32.add
      local.set 2
      local.get 1
      i32.const 1
      i32.add
      local.set 1
      local.get 0
      local.get 1
      i32.gt_u
      br_if 0
    end
    local.get 2)
  ;; limit < the word at p, as a value (the loaded word is the comparison's right side).
  (func (export "less-than-loaded") (param i32 i32) (result i32)
    local.get 1
    local.get 0
    i32.load
    i32.lt_s)
  ;; a + b into two locals (the second a copy of the first); returns local 1 * 1000 + local 2.
  (func (export "sum-twice") (param i32 i32) (result i32)
    (local i32 i32)
    local.get 0
    local.get 1
    i32.add
    local.tee 2
    local.set 3
    local.get 2
    i32.const 1000
    i32.mul
    local.get 3
    i32.add)
)
