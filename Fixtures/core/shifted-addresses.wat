;; Loads and stores whose address is an `i32.shl` (array element i of 4 or 8 bytes): the
;; translator fuses the shift into the access (`...AtShift`). These pin down the fused
;; forms' edges: the shifted index wraps at 2^32, the count is taken modulo 32, the static
;; offset is added after the wrap, and a branch target between the shift and the access
;; keeps them apart.
(module
  (memory (export "memory") 1)

  ;; The i32 at offset 4 + (i << 2).
  (func (export "load-at-shift") (param $i i32) (result i32)
    (i32.load offset=4 (i32.shl (local.get $i) (i32.const 2))))

  ;; The i32 at (i << 33): a constant count is taken modulo 32 too.
  (func (export "load-at-shift-33") (param $i i32) (result i32)
    (i32.load (i32.shl (local.get $i) (i32.const 33))))

  ;; The i32 at (i << k): a count from a local is not fused, and wraps the same.
  (func (export "load-at-variable-shift") (param $i i32) (param $k i32) (result i32)
    (i32.load (i32.shl (local.get $i) (local.get $k))))

  ;; Offsets beyond 16 bits: the last i32 of the page, and one that never fits.
  (func (export "load-at-shift-far") (param $i i32) (result i32)
    (i32.load offset=65532 (i32.shl (local.get $i) (i32.const 2))))
  (func (export "load-at-shift-huge") (param $i i32) (result i32)
    (i32.load offset=4294967295 (i32.shl (local.get $i) (i32.const 2))))

  ;; The i64 at offset 8 + (i << 3) (f64 arrays load the same bits).
  (func (export "load64-at-shift") (param $i i32) (result i64)
    (i64.load offset=8 (i32.shl (local.get $i) (i32.const 3))))

  ;; Stores v at offset 8 + (i << 2), then reads it back unfused.
  (func (export "store-at-shift") (param $i i32) (param $v i32) (result i32)
    (i32.store offset=8 (i32.shl (local.get $i) (i32.const 2)) (local.get $v))
    (i32.load offset=8 (i32.mul (local.get $i) (i32.const 4))))

  ;; Stores v at (i << 3), then reads it back unfused.
  (func (export "store64-at-shift") (param $i i32) (param $v i64) (result i64)
    (i64.store (i32.shl (local.get $i) (i32.const 3)) (local.get $v))
    (i64.load (i32.mul (local.get $i) (i32.const 8))))

  ;; The shifted index is the value of a block that a branch may leave early: the block's
  ;; end lies between the shift and the load, so they must not fuse.
  (func (export "shift-then-branch") (param $i i32) (param $early i32) (result i32)
    (block (result i32)
      (i32.shl (local.get $i) (i32.const 2))
      (br_if 0 (local.get $early))
      (drop)
      (i32.const 12))
    (i32.load))

  ;; The shifted index is also kept in a local (tee): used twice, so not fused.
  (func (export "shift-used-twice") (param $i i32) (result i32)
    (local $address i32)
    (i32.load (local.tee $address (i32.shl (local.get $i) (i32.const 2))))
    (local.get $address)
    (i32.add))
)
