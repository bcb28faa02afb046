;; Interface names with versions: the host may define `test:versioned/host` for an import
;; of `test:versioned/host@1.2.3`, and look up `test:versioned/api` for the export.
(component
  (type $host-type (instance
    (export "get" (func (result u32)))))
  (import "test:versioned/host@1.2.3" (instance $host (type $host-type)))
  (alias export $host "get" (func $get))
  (core func $get-lowered (canon lower (func $get)))
  (core instance $imports (export "get" (func $get-lowered)))
  (core module $Twice
    (import "host" "get" (func $get (result i32)))
    (func (export "twice") (result i32)
      (i32.mul (call $get) (i32.const 2))))
  (core instance $twice (instantiate $Twice (with "host" (instance $imports))))
  (func $twice (result u32) (canon lift (core func $twice "twice")))
  (instance $api (export "twice" (func $twice)))
  (export "test:versioned/api@1.2.3" (instance $api))
)
