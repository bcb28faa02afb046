;; A component whose nested components are instantiated more than once with different
;; arguments (for ComponentLinkingTests): `$shim` only passes its imports on, and is
;; instantiated with its arguments swapped; `$picker` aliases an export of the instance
;; it imports, which sits at a different position in each instance it is given (where the
;; first instance had "f", the second has "h").
(component
  (core module $m
    (func (export "one") (result i32) i32.const 1)
    (func (export "two") (result i32) i32.const 2))
  (core instance $i (instantiate $m))
  (func $one (result u32) (canon lift (core func $i "one")))
  (func $two (result u32) (canon lift (core func $i "two")))
  (component $shim
    (import "a" (func $a (result u32)))
    (import "b" (func $b (result u32)))
    (export "first" (func $a))
    (export "second" (func $b)))
  (instance $straight (instantiate $shim (with "a" (func $one)) (with "b" (func $two))))
  (instance $swapped (instantiate $shim (with "b" (func $one)) (with "a" (func $two))))
  (component $picker
    (import "source" (instance $s (export "f" (func (result u32)))))
    (alias export $s "f" (func $f))
    (export "picked" (func $f)))
  (instance $wide (export "g" (func $one)) (export "f" (func $two)))
  (instance $narrow (export "f" (func $one)) (export "h" (func $two)))
  (instance $from-wide (instantiate $picker (with "source" (instance $wide))))
  (instance $from-narrow (instantiate $picker (with "source" (instance $narrow))))
  (export "straight-first" (func $straight "first"))
  (export "swapped-first" (func $swapped "first"))
  (export "swapped-second" (func $swapped "second"))
  (export "picked-from-wide" (func $from-wide "picked"))
  (export "picked-from-narrow" (func $from-narrow "picked")))
