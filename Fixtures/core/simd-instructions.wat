;; Every fixed-width SIMD instruction once, in opcode order, each on its own line in
;; the form `Instruction.textForm` prints it (SIMDDecodingTests compares the two).
(module
  (memory 1)
  (func (export "all")
    (param $a v128) (param $b v128) (param $c v128)
    (param $i32 i32) (param $i64 i64) (param $f32 f32) (param $f64 f64)
    i32.const 0
    v128.load offset=1
    drop
    i32.const 0
    v128.load8x8_s offset=4
    drop
    i32.const 0
    v128.load8x8_u offset=7
    drop
    i32.const 0
    v128.load16x4_s offset=10
    drop
    i32.const 0
    v128.load16x4_u offset=13
    drop
    i32.const 0
    v128.load32x2_s offset=16
    drop
    i32.const 0
    v128.load32x2_u offset=19
    drop
    i32.const 0
    v128.load8_splat offset=22
    drop
    i32.const 0
    v128.load16_splat offset=25
    drop
    i32.const 0
    v128.load32_splat offset=28
    drop
    i32.const 0
    v128.load64_splat offset=31
    drop
    i32.const 0
    local.get $a
    v128.store offset=34
    v128.const i32x4 0x03020100 0x07060504 0x0b0a0908 0x0f0e0d0c
    drop
    local.get $a
    local.get $b
    i8x16.shuffle 31 0 30 1 29 2 28 3 27 4 26 5 25 6 24 7
    drop
    local.get $a
    local.get $b
    i8x16.swizzle
    drop
    local.get $i32
    i8x16.splat
    drop
    local.get $i32
    i16x8.splat
    drop
    local.get $i32
    i32x4.splat
    drop
    local.get $i64
    i64x2.splat
    drop
    local.get $f32
    f32x4.splat
    drop
    local.get $f64
    f64x2.splat
    drop
    local.get $a
    i8x16.extract_lane_s 15
    drop
    local.get $a
    i8x16.extract_lane_u 15
    drop
    local.get $a
    local.get $i32
    i8x16.replace_lane 15
    drop
    local.get $a
    i16x8.extract_lane_s 7
    drop
    local.get $a
    i16x8.extract_lane_u 7
    drop
    local.get $a
    local.get $i32
    i16x8.replace_lane 7
    drop
    local.get $a
    i32x4.extract_lane 3
    drop
    local.get $a
    local.get $i32
    i32x4.replace_lane 3
    drop
    local.get $a
    i64x2.extract_lane 1
    drop
    local.get $a
    local.get $i64
    i64x2.replace_lane 1
    drop
    local.get $a
    f32x4.extract_lane 3
    drop
    local.get $a
    local.get $f32
    f32x4.replace_lane 3
    drop
    local.get $a
    f64x2.extract_lane 1
    drop
    local.get $a
    local.get $f64
    f64x2.replace_lane 1
    drop
    local.get $a
    local.get $b
    i8x16.eq
    drop
    local.get $a
    local.get $b
    i8x16.ne
    drop
    local.get $a
    local.get $b
    i8x16.lt_s
    drop
    local.get $a
    local.get $b
    i8x16.lt_u
    drop
    local.get $a
    local.get $b
    i8x16.gt_s
    drop
    local.get $a
    local.get $b
    i8x16.gt_u
    drop
    local.get $a
    local.get $b
    i8x16.le_s
    drop
    local.get $a
    local.get $b
    i8x16.le_u
    drop
    local.get $a
    local.get $b
    i8x16.ge_s
    drop
    local.get $a
    local.get $b
    i8x16.ge_u
    drop
    local.get $a
    local.get $b
    i16x8.eq
    drop
    local.get $a
    local.get $b
    i16x8.ne
    drop
    local.get $a
    local.get $b
    i16x8.lt_s
    drop
    local.get $a
    local.get $b
    i16x8.lt_u
    drop
    local.get $a
    local.get $b
    i16x8.gt_s
    drop
    local.get $a
    local.get $b
    i16x8.gt_u
    drop
    local.get $a
    local.get $b
    i16x8.le_s
    drop
    local.get $a
    local.get $b
    i16x8.le_u
    drop
    local.get $a
    local.get $b
    i16x8.ge_s
    drop
    local.get $a
    local.get $b
    i16x8.ge_u
    drop
    local.get $a
    local.get $b
    i32x4.eq
    drop
    local.get $a
    local.get $b
    i32x4.ne
    drop
    local.get $a
    local.get $b
    i32x4.lt_s
    drop
    local.get $a
    local.get $b
    i32x4.lt_u
    drop
    local.get $a
    local.get $b
    i32x4.gt_s
    drop
    local.get $a
    local.get $b
    i32x4.gt_u
    drop
    local.get $a
    local.get $b
    i32x4.le_s
    drop
    local.get $a
    local.get $b
    i32x4.le_u
    drop
    local.get $a
    local.get $b
    i32x4.ge_s
    drop
    local.get $a
    local.get $b
    i32x4.ge_u
    drop
    local.get $a
    local.get $b
    f32x4.eq
    drop
    local.get $a
    local.get $b
    f32x4.ne
    drop
    local.get $a
    local.get $b
    f32x4.lt
    drop
    local.get $a
    local.get $b
    f32x4.gt
    drop
    local.get $a
    local.get $b
    f32x4.le
    drop
    local.get $a
    local.get $b
    f32x4.ge
    drop
    local.get $a
    local.get $b
    f64x2.eq
    drop
    local.get $a
    local.get $b
    f64x2.ne
    drop
    local.get $a
    local.get $b
    f64x2.lt
    drop
    local.get $a
    local.get $b
    f64x2.gt
    drop
    local.get $a
    local.get $b
    f64x2.le
    drop
    local.get $a
    local.get $b
    f64x2.ge
    drop
    local.get $a
    v128.not
    drop
    local.get $a
    local.get $b
    v128.and
    drop
    local.get $a
    local.get $b
    v128.andnot
    drop
    local.get $a
    local.get $b
    v128.or
    drop
    local.get $a
    local.get $b
    v128.xor
    drop
    local.get $a
    local.get $b
    local.get $c
    v128.bitselect
    drop
    local.get $a
    v128.any_true
    drop
    i32.const 0
    local.get $a
    v128.load8_lane offset=84 15
    drop
    i32.const 0
    local.get $a
    v128.load16_lane offset=85 7
    drop
    i32.const 0
    local.get $a
    v128.load32_lane offset=86 3
    drop
    i32.const 0
    local.get $a
    v128.load64_lane offset=87 1
    drop
    i32.const 0
    local.get $a
    v128.store8_lane offset=88 15
    i32.const 0
    local.get $a
    v128.store16_lane offset=89 7
    i32.const 0
    local.get $a
    v128.store32_lane offset=90 3
    i32.const 0
    local.get $a
    v128.store64_lane offset=91 1
    i32.const 0
    v128.load32_zero offset=277
    drop
    i32.const 0
    v128.load64_zero offset=280
    drop
    local.get $a
    f32x4.demote_f64x2_zero
    drop
    local.get $a
    f64x2.promote_low_f32x4
    drop
    local.get $a
    i8x16.abs
    drop
    local.get $a
    i8x16.neg
    drop
    local.get $a
    i8x16.popcnt
    drop
    local.get $a
    i8x16.all_true
    drop
    local.get $a
    i8x16.bitmask
    drop
    local.get $a
    local.get $b
    i8x16.narrow_i16x8_s
    drop
    local.get $a
    local.get $b
    i8x16.narrow_i16x8_u
    drop
    local.get $a
    f32x4.ceil
    drop
    local.get $a
    f32x4.floor
    drop
    local.get $a
    f32x4.trunc
    drop
    local.get $a
    f32x4.nearest
    drop
    local.get $a
    local.get $i32
    i8x16.shl
    drop
    local.get $a
    local.get $i32
    i8x16.shr_s
    drop
    local.get $a
    local.get $i32
    i8x16.shr_u
    drop
    local.get $a
    local.get $b
    i8x16.add
    drop
    local.get $a
    local.get $b
    i8x16.add_sat_s
    drop
    local.get $a
    local.get $b
    i8x16.add_sat_u
    drop
    local.get $a
    local.get $b
    i8x16.sub
    drop
    local.get $a
    local.get $b
    i8x16.sub_sat_s
    drop
    local.get $a
    local.get $b
    i8x16.sub_sat_u
    drop
    local.get $a
    f64x2.ceil
    drop
    local.get $a
    f64x2.floor
    drop
    local.get $a
    local.get $b
    i8x16.min_s
    drop
    local.get $a
    local.get $b
    i8x16.min_u
    drop
    local.get $a
    local.get $b
    i8x16.max_s
    drop
    local.get $a
    local.get $b
    i8x16.max_u
    drop
    local.get $a
    f64x2.trunc
    drop
    local.get $a
    local.get $b
    i8x16.avgr_u
    drop
    local.get $a
    i16x8.extadd_pairwise_i8x16_s
    drop
    local.get $a
    i16x8.extadd_pairwise_i8x16_u
    drop
    local.get $a
    i32x4.extadd_pairwise_i16x8_s
    drop
    local.get $a
    i32x4.extadd_pairwise_i16x8_u
    drop
    local.get $a
    i16x8.abs
    drop
    local.get $a
    i16x8.neg
    drop
    local.get $a
    local.get $b
    i16x8.q15mulr_sat_s
    drop
    local.get $a
    i16x8.all_true
    drop
    local.get $a
    i16x8.bitmask
    drop
    local.get $a
    local.get $b
    i16x8.narrow_i32x4_s
    drop
    local.get $a
    local.get $b
    i16x8.narrow_i32x4_u
    drop
    local.get $a
    i16x8.extend_low_i8x16_s
    drop
    local.get $a
    i16x8.extend_high_i8x16_s
    drop
    local.get $a
    i16x8.extend_low_i8x16_u
    drop
    local.get $a
    i16x8.extend_high_i8x16_u
    drop
    local.get $a
    local.get $i32
    i16x8.shl
    drop
    local.get $a
    local.get $i32
    i16x8.shr_s
    drop
    local.get $a
    local.get $i32
    i16x8.shr_u
    drop
    local.get $a
    local.get $b
    i16x8.add
    drop
    local.get $a
    local.get $b
    i16x8.add_sat_s
    drop
    local.get $a
    local.get $b
    i16x8.add_sat_u
    drop
    local.get $a
    local.get $b
    i16x8.sub
    drop
    local.get $a
    local.get $b
    i16x8.sub_sat_s
    drop
    local.get $a
    local.get $b
    i16x8.sub_sat_u
    drop
    local.get $a
    f64x2.nearest
    drop
    local.get $a
    local.get $b
    i16x8.mul
    drop
    local.get $a
    local.get $b
    i16x8.min_s
    drop
    local.get $a
    local.get $b
    i16x8.min_u
    drop
    local.get $a
    local.get $b
    i16x8.max_s
    drop
    local.get $a
    local.get $b
    i16x8.max_u
    drop
    local.get $a
    local.get $b
    i16x8.avgr_u
    drop
    local.get $a
    local.get $b
    i16x8.extmul_low_i8x16_s
    drop
    local.get $a
    local.get $b
    i16x8.extmul_high_i8x16_s
    drop
    local.get $a
    local.get $b
    i16x8.extmul_low_i8x16_u
    drop
    local.get $a
    local.get $b
    i16x8.extmul_high_i8x16_u
    drop
    local.get $a
    i32x4.abs
    drop
    local.get $a
    i32x4.neg
    drop
    local.get $a
    i32x4.all_true
    drop
    local.get $a
    i32x4.bitmask
    drop
    local.get $a
    i32x4.extend_low_i16x8_s
    drop
    local.get $a
    i32x4.extend_high_i16x8_s
    drop
    local.get $a
    i32x4.extend_low_i16x8_u
    drop
    local.get $a
    i32x4.extend_high_i16x8_u
    drop
    local.get $a
    local.get $i32
    i32x4.shl
    drop
    local.get $a
    local.get $i32
    i32x4.shr_s
    drop
    local.get $a
    local.get $i32
    i32x4.shr_u
    drop
    local.get $a
    local.get $b
    i32x4.add
    drop
    local.get $a
    local.get $b
    i32x4.sub
    drop
    local.get $a
    local.get $b
    i32x4.mul
    drop
    local.get $a
    local.get $b
    i32x4.min_s
    drop
    local.get $a
    local.get $b
    i32x4.min_u
    drop
    local.get $a
    local.get $b
    i32x4.max_s
    drop
    local.get $a
    local.get $b
    i32x4.max_u
    drop
    local.get $a
    local.get $b
    i32x4.dot_i16x8_s
    drop
    local.get $a
    local.get $b
    i32x4.extmul_low_i16x8_s
    drop
    local.get $a
    local.get $b
    i32x4.extmul_high_i16x8_s
    drop
    local.get $a
    local.get $b
    i32x4.extmul_low_i16x8_u
    drop
    local.get $a
    local.get $b
    i32x4.extmul_high_i16x8_u
    drop
    local.get $a
    i64x2.abs
    drop
    local.get $a
    i64x2.neg
    drop
    local.get $a
    i64x2.all_true
    drop
    local.get $a
    i64x2.bitmask
    drop
    local.get $a
    i64x2.extend_low_i32x4_s
    drop
    local.get $a
    i64x2.extend_high_i32x4_s
    drop
    local.get $a
    i64x2.extend_low_i32x4_u
    drop
    local.get $a
    i64x2.extend_high_i32x4_u
    drop
    local.get $a
    local.get $i32
    i64x2.shl
    drop
    local.get $a
    local.get $i32
    i64x2.shr_s
    drop
    local.get $a
    local.get $i32
    i64x2.shr_u
    drop
    local.get $a
    local.get $b
    i64x2.add
    drop
    local.get $a
    local.get $b
    i64x2.sub
    drop
    local.get $a
    local.get $b
    i64x2.mul
    drop
    local.get $a
    local.get $b
    i64x2.eq
    drop
    local.get $a
    local.get $b
    i64x2.ne
    drop
    local.get $a
    local.get $b
    i64x2.lt_s
    drop
    local.get $a
    local.get $b
    i64x2.gt_s
    drop
    local.get $a
    local.get $b
    i64x2.le_s
    drop
    local.get $a
    local.get $b
    i64x2.ge_s
    drop
    local.get $a
    local.get $b
    i64x2.extmul_low_i32x4_s
    drop
    local.get $a
    local.get $b
    i64x2.extmul_high_i32x4_s
    drop
    local.get $a
    local.get $b
    i64x2.extmul_low_i32x4_u
    drop
    local.get $a
    local.get $b
    i64x2.extmul_high_i32x4_u
    drop
    local.get $a
    f32x4.abs
    drop
    local.get $a
    f32x4.neg
    drop
    local.get $a
    f32x4.sqrt
    drop
    local.get $a
    local.get $b
    f32x4.add
    drop
    local.get $a
    local.get $b
    f32x4.sub
    drop
    local.get $a
    local.get $b
    f32x4.mul
    drop
    local.get $a
    local.get $b
    f32x4.div
    drop
    local.get $a
    local.get $b
    f32x4.min
    drop
    local.get $a
    local.get $b
    f32x4.max
    drop
    local.get $a
    local.get $b
    f32x4.pmin
    drop
    local.get $a
    local.get $b
    f32x4.pmax
    drop
    local.get $a
    f64x2.abs
    drop
    local.get $a
    f64x2.neg
    drop
    local.get $a
    f64x2.sqrt
    drop
    local.get $a
    local.get $b
    f64x2.add
    drop
    local.get $a
    local.get $b
    f64x2.sub
    drop
    local.get $a
    local.get $b
    f64x2.mul
    drop
    local.get $a
    local.get $b
    f64x2.div
    drop
    local.get $a
    local.get $b
    f64x2.min
    drop
    local.get $a
    local.get $b
    f64x2.max
    drop
    local.get $a
    local.get $b
    f64x2.pmin
    drop
    local.get $a
    local.get $b
    f64x2.pmax
    drop
    local.get $a
    i32x4.trunc_sat_f32x4_s
    drop
    local.get $a
    i32x4.trunc_sat_f32x4_u
    drop
    local.get $a
    f32x4.convert_i32x4_s
    drop
    local.get $a
    f32x4.convert_i32x4_u
    drop
    local.get $a
    i32x4.trunc_sat_f64x2_s_zero
    drop
    local.get $a
    i32x4.trunc_sat_f64x2_u_zero
    drop
    local.get $a
    f64x2.convert_low_i32x4_s
    drop
    local.get $a
    f64x2.convert_low_i32x4_u
    drop
  )
)
