;; Integer operators with their identity constant (see
;; Tests/WasmInterpTests/IdentityOperationTests.swift): the translator drops them or turns
;; them into a copy. Each export computes `op(x, identity)` or `op(identity, x)` so the
;; value must come through unchanged, on locals, computed values and constants.
(module
  (func (export "i32-add-zero") (param i32) (result i32)
    local.get 0
    i32.const 0
    i32.add)
  (func (export "i32-zero-add") (param i32) (result i32)
    i32.const 0
    local.get 0
    i32.add)
  (func (export "i32-ops") (param i32) (result i32)
    ;; ((((((x - 0) | 0) ^ 0) << 32) >> 0) >>> 64) rotl 0 rotr 32, * 1, & -1, then -1 & ..., 1 * ...
    local.get 0
    i32.const 0
    i32.sub
    i32.const 0
    i32.or
    i32.const 0
    i32.xor
    i32.const 32
    i32.shl
    i32.const 0
    i32.shr_s
    i32.const 64
    i32.shr_u
    i32.const 0
    i32.rotl
    i32.const 32
    i32.rotr
    i32.const 1
    i32.mul
    i32.const -1
    i32.and
    local.set 0
    i32.const -1
    local.get 0
    i32.and
    i32.const 1
    local.get 0
    i32.mul
    i32.add)
  (func (export "i64-ops") (param i64) (result i64)
    local.get 0
    i64.const 0
    i64.sub
    i64.const 0
    i64.or
    i64.const 0
    i64.xor
    i64.const 64
    i64.shl
    i64.const 0
    i64.shr_s
    i64.const 128
    i64.shr_u
    i64.const 0
    i64.rotl
    i64.const 64
    i64.rotr
    i64.const 1
    i64.mul
    i64.const -1
    i64.and
    i64.const 0
    i64.add)
  ;; The identity's operand is computed into a slot above the result's: it must be copied
  ;; down before the next push reuses that slot.
  (func (export "computed-right") (param i32 i32) (result i32)
    i32.const 0
    local.get 0
    local.get 1
    i32.mul
    i32.add
    i32.const 5
    i32.add)
  ;; The kept operand is a local that is overwritten while the result is still on the
  ;; stack: the result keeps the old value.
  (func (export "local-then-overwritten") (param i32) (result i32)
    local.get 0
    i32.const 0
    i32.add
    i32.const 99
    local.set 0
    local.get 0
    i32.add)
  ;; Not identities: these must compute.
  (func (export "not-identities") (param i32) (result i32)
    i32.const 0
    local.get 0
    i32.sub
    local.get 0
    i32.const 1
    i32.shl
    i32.add
    i32.const 0
    local.get 0
    i32.shl
    i32.add)
  ;; An identity result stored by `local.set` and fused into a load's address.
  (memory (export "memory") 1)
  (func (export "fused-after-identity") (param i32 i32) (result i32)
    (local i32)
    local.get 0
    local.get 1
    i32.add
    i32.const 0
    i32.or
    local.set 2
    local.get 2
    i32.const 4
    i32.add
    i32.const 0
    i32.add
    i32.load
    local.get 2
    i32.add)
)
