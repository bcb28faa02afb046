;; For EarlyPagesTests: `touch` writes into the second 4 KiB page of its memory (as a
;; guest's stack or statics would), `idle` touches no memory at all.
(module
  (memory (export "memory") 1)
  (func (export "touch")
    i32.const 4100
    i32.const 7
    i32.store)
  (func (export "idle")))
