;; The Gaussian sum of the zero-gamma sweep (functions/src/gex/zero-gamma.ts) at one grid point,
;; in WebAssembly SIMD, two float64 lanes per vector and four vectors per step:
;;
;;   total(ln S) = Σ_i amps[i] · e^(−d1²/2),  d1 = (ln S + shifts[i]) · inverses[i],
;;   over the terms with d1² < 1400 (beyond, e^(−d1²/2) < 1e-304: the JS loop skipped them too).
;;
;; The caller writes shifts, inverses and amps as float64 arrays into the exported memory, each
;; padded with zeros to a multiple of 8 terms (a zero term adds +0), and calls `total` once per
;; grid point: V8 moves a WebAssembly function to its optimizing tier only between calls, so 301
;; short calls get the optimized code from the first few points on, where one long call would not.
;;
;; e^x, x in (−700, 0], without tables: x = n·ln2 + r with n = round(x·log2 e) and |r| ≤ ln2/2;
;; e^r is its Taylor polynomial of degree 12 (truncation < 3e-16 relative), 2^n goes into the
;; exponent bits: within 3 ulp of Math.exp (4.4e-16 relative over 200,000 random x). The four
;; vectors are independent chains, so the processor overlaps their latencies; the eight partial
;; sums are added at the end. That order differs from the plain loop's: on the full SPX chain the
;; two totals differ by up to 5e-15 of Σ |term| (the plain loop is itself up to 4e-15 of Σ |term|
;; off the exact sum).
;; Lanes whose d1² is not below 1400 (or is NaN) compute garbage that the mask turns into +0.
;; NaN or ±Infinity in amps of a kept term propagate to the total as in the JS loop.
;;
;; Built into gaussian-sweep-wasm.ts by `npm run build:wasm` (scripts/build-wasm.ts, with wabt).
(module
  (memory (export "memory") 1)

  (global $MINUS_HALF v128 (v128.const f64x2 -0.5 -0.5))
  (global $LOG2_E v128 (v128.const f64x2 1.4426950408889634 1.4426950408889634))
  ;; 1.5 · 2^52
  (global $ROUNDER v128 (v128.const f64x2 6755399441055744.0 6755399441055744.0))
  ;; fdlibm's ln2_hi (trailing zero bits, so n · LN2_HI is exact) and ln2_lo
  (global $LN2_HI v128 (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
  (global $LN2_LO v128 (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
  (global $CUTOFF v128 (v128.const f64x2 1400.0 1400.0))
  (global $C0 v128 (v128.const f64x2 1.0 1.0)) ;; 1/0!
  (global $C1 v128 (v128.const f64x2 1.0 1.0)) ;; 1/1!
  (global $C2 v128 (v128.const f64x2 0.5 0.5)) ;; 1/2!
  (global $C3 v128 (v128.const f64x2 0.16666666666666666 0.16666666666666666)) ;; 1/3!
  (global $C4 v128 (v128.const f64x2 0.041666666666666664 0.041666666666666664)) ;; 1/4!
  (global $C5 v128 (v128.const f64x2 0.008333333333333333 0.008333333333333333)) ;; 1/5!
  (global $C6 v128 (v128.const f64x2 0.001388888888888889 0.001388888888888889)) ;; 1/6!
  (global $C7 v128 (v128.const f64x2 0.0001984126984126984 0.0001984126984126984)) ;; 1/7!
  (global $C8 v128 (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05)) ;; 1/8!
  (global $C9 v128 (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06)) ;; 1/9!
  (global $C10 v128 (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07)) ;; 1/10!
  (global $C11 v128 (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08)) ;; 1/11!
  (global $C12 v128 (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09)) ;; 1/12!

  ;; Σ amps[i] · e^(−d1²/2) at ln S = lnS over n terms (n a multiple of 8); shifts, inverses and
  ;; amps are byte offsets of the three arrays in memory.
  (func (export "total")
    (param $lnS f64) (param $n i32) (param $shifts i32) (param $inverses i32) (param $amps i32)
    (result f64)
    (local $at i32) (local $end i32) (local $lnS2 v128) (local $all v128)
    (local $d1_0 v128) (local $d1_1 v128) (local $d1_2 v128) (local $d1_3 v128)
    (local $sq_0 v128) (local $sq_1 v128) (local $sq_2 v128) (local $sq_3 v128)
    (local $x_0 v128) (local $x_1 v128) (local $x_2 v128) (local $x_3 v128)
    (local $t_0 v128) (local $t_1 v128) (local $t_2 v128) (local $t_3 v128)
    (local $n_0 v128) (local $n_1 v128) (local $n_2 v128) (local $n_3 v128)
    (local $r_0 v128) (local $r_1 v128) (local $r_2 v128) (local $r_3 v128)
    (local $r2_0 v128) (local $r2_1 v128) (local $r2_2 v128) (local $r2_3 v128)
    (local $r4_0 v128) (local $r4_1 v128) (local $r4_2 v128) (local $r4_3 v128)
    (local $r8_0 v128) (local $r8_1 v128) (local $r8_2 v128) (local $r8_3 v128)
    (local $a0_0 v128) (local $a0_1 v128) (local $a0_2 v128) (local $a0_3 v128)
    (local $a1_0 v128) (local $a1_1 v128) (local $a1_2 v128) (local $a1_3 v128)
    (local $a2_0 v128) (local $a2_1 v128) (local $a2_2 v128) (local $a2_3 v128)
    (local $a3_0 v128) (local $a3_1 v128) (local $a3_2 v128) (local $a3_3 v128)
    (local $a4_0 v128) (local $a4_1 v128) (local $a4_2 v128) (local $a4_3 v128)
    (local $a5_0 v128) (local $a5_1 v128) (local $a5_2 v128) (local $a5_3 v128)
    (local $b0_0 v128) (local $b0_1 v128) (local $b0_2 v128) (local $b0_3 v128)
    (local $b1_0 v128) (local $b1_1 v128) (local $b1_2 v128) (local $b1_3 v128)
    (local $b2_0 v128) (local $b2_1 v128) (local $b2_2 v128) (local $b2_3 v128)
    (local $e_0 v128) (local $e_1 v128) (local $e_2 v128) (local $e_3 v128)
    (local $sum_0 v128) (local $sum_1 v128) (local $sum_2 v128) (local $sum_3 v128)
    (local.set $lnS2 (f64x2.splat (local.get $lnS)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        ;; d1 = (ln S + shift) × inverse, two contracts per vector
        (local.set $d1_0 (f64x2.mul (f64x2.add (local.get $lnS2) (v128.load offset=0 (i32.add (local.get $shifts) (local.get $at)))) (v128.load offset=0 (i32.add (local.get $inverses) (local.get $at)))))
        (local.set $d1_1 (f64x2.mul (f64x2.add (local.get $lnS2) (v128.load offset=16 (i32.add (local.get $shifts) (local.get $at)))) (v128.load offset=16 (i32.add (local.get $inverses) (local.get $at)))))
        (local.set $d1_2 (f64x2.mul (f64x2.add (local.get $lnS2) (v128.load offset=32 (i32.add (local.get $shifts) (local.get $at)))) (v128.load offset=32 (i32.add (local.get $inverses) (local.get $at)))))
        (local.set $d1_3 (f64x2.mul (f64x2.add (local.get $lnS2) (v128.load offset=48 (i32.add (local.get $shifts) (local.get $at)))) (v128.load offset=48 (i32.add (local.get $inverses) (local.get $at)))))
        ;; d1²; x = −d1²/2, the exponent (in (−700, 0] where the term is kept)
        (local.set $sq_0 (f64x2.mul (local.get $d1_0) (local.get $d1_0)))
        (local.set $sq_1 (f64x2.mul (local.get $d1_1) (local.get $d1_1)))
        (local.set $sq_2 (f64x2.mul (local.get $d1_2) (local.get $d1_2)))
        (local.set $sq_3 (f64x2.mul (local.get $d1_3) (local.get $d1_3)))
        ;; 
        (local.set $x_0 (f64x2.mul (local.get $sq_0) (global.get $MINUS_HALF)))
        (local.set $x_1 (f64x2.mul (local.get $sq_1) (global.get $MINUS_HALF)))
        (local.set $x_2 (f64x2.mul (local.get $sq_2) (global.get $MINUS_HALF)))
        (local.set $x_3 (f64x2.mul (local.get $sq_3) (global.get $MINUS_HALF)))
        ;; t = x·log2(e) + 1.5·2^52 rounds x·log2(e) to the integer n held in t's low mantissa bits
        (local.set $t_0 (f64x2.add (f64x2.mul (local.get $x_0) (global.get $LOG2_E)) (global.get $ROUNDER)))
        (local.set $t_1 (f64x2.add (f64x2.mul (local.get $x_1) (global.get $LOG2_E)) (global.get $ROUNDER)))
        (local.set $t_2 (f64x2.add (f64x2.mul (local.get $x_2) (global.get $LOG2_E)) (global.get $ROUNDER)))
        (local.set $t_3 (f64x2.add (f64x2.mul (local.get $x_3) (global.get $LOG2_E)) (global.get $ROUNDER)))
        ;; n as a float
        (local.set $n_0 (f64x2.sub (local.get $t_0) (global.get $ROUNDER)))
        (local.set $n_1 (f64x2.sub (local.get $t_1) (global.get $ROUNDER)))
        (local.set $n_2 (f64x2.sub (local.get $t_2) (global.get $ROUNDER)))
        (local.set $n_3 (f64x2.sub (local.get $t_3) (global.get $ROUNDER)))
        ;; r = x − n·ln2 in two parts (n·LN2_HI is exact), |r| ≤ ln2/2
        (local.set $r_0 (f64x2.sub (f64x2.sub (local.get $x_0) (f64x2.mul (local.get $n_0) (global.get $LN2_HI))) (f64x2.mul (local.get $n_0) (global.get $LN2_LO))))
        (local.set $r_1 (f64x2.sub (f64x2.sub (local.get $x_1) (f64x2.mul (local.get $n_1) (global.get $LN2_HI))) (f64x2.mul (local.get $n_1) (global.get $LN2_LO))))
        (local.set $r_2 (f64x2.sub (f64x2.sub (local.get $x_2) (f64x2.mul (local.get $n_2) (global.get $LN2_HI))) (f64x2.mul (local.get $n_2) (global.get $LN2_LO))))
        (local.set $r_3 (f64x2.sub (f64x2.sub (local.get $x_3) (f64x2.mul (local.get $n_3) (global.get $LN2_HI))) (f64x2.mul (local.get $n_3) (global.get $LN2_LO))))
        ;; e^r = Σ r^j/j!, j = 0…12, by Estrin's scheme: r², r⁴, r⁸ ...
        (local.set $r2_0 (f64x2.mul (local.get $r_0) (local.get $r_0)))
        (local.set $r2_1 (f64x2.mul (local.get $r_1) (local.get $r_1)))
        (local.set $r2_2 (f64x2.mul (local.get $r_2) (local.get $r_2)))
        (local.set $r2_3 (f64x2.mul (local.get $r_3) (local.get $r_3)))
        ;; 
        (local.set $r4_0 (f64x2.mul (local.get $r2_0) (local.get $r2_0)))
        (local.set $r4_1 (f64x2.mul (local.get $r2_1) (local.get $r2_1)))
        (local.set $r4_2 (f64x2.mul (local.get $r2_2) (local.get $r2_2)))
        (local.set $r4_3 (f64x2.mul (local.get $r2_3) (local.get $r2_3)))
        ;; 
        (local.set $r8_0 (f64x2.mul (local.get $r4_0) (local.get $r4_0)))
        (local.set $r8_1 (f64x2.mul (local.get $r4_1) (local.get $r4_1)))
        (local.set $r8_2 (f64x2.mul (local.get $r4_2) (local.get $r4_2)))
        (local.set $r8_3 (f64x2.mul (local.get $r4_3) (local.get $r4_3)))
        ;; ... pairs in r: (c0 + c1·r) (c2 + c3·r) … (c10 + c11·r), c12 ...



        ;; a0 = 1/0! + r/1!
        (local.set $a0_0 (f64x2.add (global.get $C0) (f64x2.mul (local.get $r_0) (global.get $C1))))
        (local.set $a0_1 (f64x2.add (global.get $C0) (f64x2.mul (local.get $r_1) (global.get $C1))))
        (local.set $a0_2 (f64x2.add (global.get $C0) (f64x2.mul (local.get $r_2) (global.get $C1))))
        (local.set $a0_3 (f64x2.add (global.get $C0) (f64x2.mul (local.get $r_3) (global.get $C1))))
        ;; a1 = 1/2! + r/3!
        (local.set $a1_0 (f64x2.add (global.get $C2) (f64x2.mul (local.get $r_0) (global.get $C3))))
        (local.set $a1_1 (f64x2.add (global.get $C2) (f64x2.mul (local.get $r_1) (global.get $C3))))
        (local.set $a1_2 (f64x2.add (global.get $C2) (f64x2.mul (local.get $r_2) (global.get $C3))))
        (local.set $a1_3 (f64x2.add (global.get $C2) (f64x2.mul (local.get $r_3) (global.get $C3))))
        ;; a2 = 1/4! + r/5!
        (local.set $a2_0 (f64x2.add (global.get $C4) (f64x2.mul (local.get $r_0) (global.get $C5))))
        (local.set $a2_1 (f64x2.add (global.get $C4) (f64x2.mul (local.get $r_1) (global.get $C5))))
        (local.set $a2_2 (f64x2.add (global.get $C4) (f64x2.mul (local.get $r_2) (global.get $C5))))
        (local.set $a2_3 (f64x2.add (global.get $C4) (f64x2.mul (local.get $r_3) (global.get $C5))))
        ;; a3 = 1/6! + r/7!
        (local.set $a3_0 (f64x2.add (global.get $C6) (f64x2.mul (local.get $r_0) (global.get $C7))))
        (local.set $a3_1 (f64x2.add (global.get $C6) (f64x2.mul (local.get $r_1) (global.get $C7))))
        (local.set $a3_2 (f64x2.add (global.get $C6) (f64x2.mul (local.get $r_2) (global.get $C7))))
        (local.set $a3_3 (f64x2.add (global.get $C6) (f64x2.mul (local.get $r_3) (global.get $C7))))
        ;; a4 = 1/8! + r/9!
        (local.set $a4_0 (f64x2.add (global.get $C8) (f64x2.mul (local.get $r_0) (global.get $C9))))
        (local.set $a4_1 (f64x2.add (global.get $C8) (f64x2.mul (local.get $r_1) (global.get $C9))))
        (local.set $a4_2 (f64x2.add (global.get $C8) (f64x2.mul (local.get $r_2) (global.get $C9))))
        (local.set $a4_3 (f64x2.add (global.get $C8) (f64x2.mul (local.get $r_3) (global.get $C9))))
        ;; a5 = 1/10! + r/11!
        (local.set $a5_0 (f64x2.add (global.get $C10) (f64x2.mul (local.get $r_0) (global.get $C11))))
        (local.set $a5_1 (f64x2.add (global.get $C10) (f64x2.mul (local.get $r_1) (global.get $C11))))
        (local.set $a5_2 (f64x2.add (global.get $C10) (f64x2.mul (local.get $r_2) (global.get $C11))))
        (local.set $a5_3 (f64x2.add (global.get $C10) (f64x2.mul (local.get $r_3) (global.get $C11))))
        ;; ... quads in r²: b0 = a0 + a1·r², b1 = a2 + a3·r², b2 = a4 + a5·r² + c12·r⁴ ...
        (local.set $b0_0 (f64x2.add (local.get $a0_0) (f64x2.mul (local.get $a1_0) (local.get $r2_0))))
        (local.set $b0_1 (f64x2.add (local.get $a0_1) (f64x2.mul (local.get $a1_1) (local.get $r2_1))))
        (local.set $b0_2 (f64x2.add (local.get $a0_2) (f64x2.mul (local.get $a1_2) (local.get $r2_2))))
        (local.set $b0_3 (f64x2.add (local.get $a0_3) (f64x2.mul (local.get $a1_3) (local.get $r2_3))))
        ;; 
        (local.set $b1_0 (f64x2.add (local.get $a2_0) (f64x2.mul (local.get $a3_0) (local.get $r2_0))))
        (local.set $b1_1 (f64x2.add (local.get $a2_1) (f64x2.mul (local.get $a3_1) (local.get $r2_1))))
        (local.set $b1_2 (f64x2.add (local.get $a2_2) (f64x2.mul (local.get $a3_2) (local.get $r2_2))))
        (local.set $b1_3 (f64x2.add (local.get $a2_3) (f64x2.mul (local.get $a3_3) (local.get $r2_3))))
        ;; 
        (local.set $b2_0 (f64x2.add (f64x2.add (local.get $a4_0) (f64x2.mul (local.get $a5_0) (local.get $r2_0))) (f64x2.mul (global.get $C12) (local.get $r4_0))))
        (local.set $b2_1 (f64x2.add (f64x2.add (local.get $a4_1) (f64x2.mul (local.get $a5_1) (local.get $r2_1))) (f64x2.mul (global.get $C12) (local.get $r4_1))))
        (local.set $b2_2 (f64x2.add (f64x2.add (local.get $a4_2) (f64x2.mul (local.get $a5_2) (local.get $r2_2))) (f64x2.mul (global.get $C12) (local.get $r4_2))))
        (local.set $b2_3 (f64x2.add (f64x2.add (local.get $a4_3) (f64x2.mul (local.get $a5_3) (local.get $r2_3))) (f64x2.mul (global.get $C12) (local.get $r4_3))))
        ;; ... e^r = b0 + b1·r⁴ + b2·r⁸
        (local.set $e_0 (f64x2.add (f64x2.add (local.get $b0_0) (f64x2.mul (local.get $b1_0) (local.get $r4_0))) (f64x2.mul (local.get $b2_0) (local.get $r8_0))))
        (local.set $e_1 (f64x2.add (f64x2.add (local.get $b0_1) (f64x2.mul (local.get $b1_1) (local.get $r4_1))) (f64x2.mul (local.get $b2_1) (local.get $r8_1))))
        (local.set $e_2 (f64x2.add (f64x2.add (local.get $b0_2) (f64x2.mul (local.get $b1_2) (local.get $r4_2))) (f64x2.mul (local.get $b2_2) (local.get $r8_2))))
        (local.set $e_3 (f64x2.add (f64x2.add (local.get $b0_3) (f64x2.mul (local.get $b1_3) (local.get $r4_3))) (f64x2.mul (local.get $b2_3) (local.get $r8_3))))
        ;; e^x = 2^n · e^r: n added to the exponent field (t << 52 is n << 52 modulo 2^64; the result stays normal)
        (local.set $e_0 (i64x2.add (local.get $e_0) (i64x2.shl (local.get $t_0) (i32.const 52))))
        (local.set $e_1 (i64x2.add (local.get $e_1) (i64x2.shl (local.get $t_1) (i32.const 52))))
        (local.set $e_2 (i64x2.add (local.get $e_2) (i64x2.shl (local.get $t_2) (i32.const 52))))
        (local.set $e_3 (i64x2.add (local.get $e_3) (i64x2.shl (local.get $t_3) (i32.const 52))))
        ;; sum += amp · e^x where d1² < 1400 (elsewhere, NaN d1 included, the lane adds +0 like the skipped term)
        (local.set $sum_0 (f64x2.add (local.get $sum_0) (v128.and (f64x2.mul (v128.load offset=0 (i32.add (local.get $amps) (local.get $at))) (local.get $e_0)) (f64x2.lt (local.get $sq_0) (global.get $CUTOFF)))))
        (local.set $sum_1 (f64x2.add (local.get $sum_1) (v128.and (f64x2.mul (v128.load offset=16 (i32.add (local.get $amps) (local.get $at))) (local.get $e_1)) (f64x2.lt (local.get $sq_1) (global.get $CUTOFF)))))
        (local.set $sum_2 (f64x2.add (local.get $sum_2) (v128.and (f64x2.mul (v128.load offset=32 (i32.add (local.get $amps) (local.get $at))) (local.get $e_2)) (f64x2.lt (local.get $sq_2) (global.get $CUTOFF)))))
        (local.set $sum_3 (f64x2.add (local.get $sum_3) (v128.and (f64x2.mul (v128.load offset=48 (i32.add (local.get $amps) (local.get $at))) (local.get $e_3)) (f64x2.lt (local.get $sq_3) (global.get $CUTOFF)))))
        (local.set $at (i32.add (local.get $at) (i32.const 64)))
        (br $step)))
    (local.set $all
      (f64x2.add (f64x2.add (local.get $sum_0) (local.get $sum_1)) (f64x2.add (local.get $sum_2) (local.get $sum_3))))
    (f64.add (f64x2.extract_lane 0 (local.get $all)) (f64x2.extract_lane 1 (local.get $all))))
)
