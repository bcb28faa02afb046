;; Implements world test:resources/resources against the canonical ABI by hand.
;; Exports resource `counter` (representation: the address of a 4-byte cell), with a
;; constructor, methods, a static function and a destructor that counts live counters.
;; Imports resource `logger` from the host and uses it in use-logger.
(module
  (import "test:resources/host-log" "[constructor]logger" (func $logger_new (param i32 i32) (result i32)))
  (import "test:resources/host-log" "[method]logger.log" (func $logger_log (param i32 i32 i32)))
  (import "test:resources/host-log" "[method]logger.count" (func $logger_count (param i32) (result i32)))
  (import "test:resources/host-log" "[resource-drop]logger" (func $logger_drop (param i32)))
  (import "[export]test:resources/counters" "[resource-new]counter" (func $counter_new (param i32) (result i32)))
  (import "[export]test:resources/counters" "[resource-rep]counter" (func $counter_rep (param i32) (result i32)))
  (import "[export]test:resources/counters" "[resource-drop]counter" (func $counter_drop (param i32)))

  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (global $live (mut i32) (i32.const 0))

  (func $cabi_realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $ptr i32)
    (if (i32.le_u (local.get $new_size) (local.get $old_size))
      (then (return (local.get $old))))
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then unreachable))
    (if (local.get $old_size)
      (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))

  ;; A new counter cell holding $value, returned as an owned handle.
  (func $make_counter (param $value i32) (result i32)
    (local $cell i32)
    (local.set $cell (call $cabi_realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 4)))
    (i32.store (local.get $cell) (local.get $value))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (call $counter_new (local.get $cell)))

  (func (export "test:resources/counters#[constructor]counter") (param $start i32) (result i32)
    (call $make_counter (local.get $start)))

  ;; Borrowed handles of our own resource arrive as their representation (the cell).
  (func (export "test:resources/counters#[method]counter.get") (param $self i32) (result i32)
    (i32.load (local.get $self)))

  (func (export "test:resources/counters#[method]counter.increment") (param $self i32) (param $by i32)
    (i32.store (local.get $self) (i32.add (i32.load (local.get $self)) (local.get $by))))

  (func (export "test:resources/counters#[static]counter.merge") (param $a i32) (param $b i32) (result i32)
    (call $make_counter (i32.add (i32.load (local.get $a)) (i32.load (local.get $b)))))

  (func (export "test:resources/counters#live-count") (result i32)
    (global.get $live))

  ;; Creates a logger, logs through it, asks its count, drops it; returns the count.
  (func (export "test:resources/counters#use-logger")
    (param $prefix_ptr i32) (param $prefix_len i32) (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (local $logger i32) (local $count i32)
    (local.set $logger (call $logger_new (local.get $prefix_ptr) (local.get $prefix_len)))
    (call $logger_log (local.get $logger) (local.get $msg_ptr) (local.get $msg_len))
    (local.set $count (call $logger_count (local.get $logger)))
    (call $logger_drop (local.get $logger))
    (local.get $count))

  (func (export "test:resources/counters#[dtor]counter") (param $cell i32)
    (global.set $live (i32.sub (global.get $live) (i32.const 1))))
)
