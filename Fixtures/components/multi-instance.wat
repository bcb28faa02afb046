;; A component written by hand in the component text format (not made by wit-component):
;; two core modules instantiated separately, the second importing the first's memory and
;; allocator and a lowered host function through a bundled core instance; lifted exports
;; bundled into an exported instance; a nested component that imports a function, with
;; its type aliased from the enclosing component, and re-exports it.
(component
  (core module $Allocator
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 4096))
    (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
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
      (local.get $ptr)))

  (core module $Greeter
    (import "allocator" "memory" (memory 1))
    (import "allocator" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
    (import "host" "log" (func $log (param i32 i32)))
    (data (i32.const 16) "hello, ")
    ;; greet(name) -> "hello, " + name; logs the name first.
    (func (export "greet") (param $name i32) (param $len i32) (result i32)
      (local $text i32)
      (call $log (local.get $name) (local.get $len))
      (local.set $text
        (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $len) (i32.const 7))))
      (memory.copy (local.get $text) (i32.const 16) (i32.const 7))
      (memory.copy (i32.add (local.get $text) (i32.const 7)) (local.get $name) (local.get $len))
      (i32.store (i32.const 1024) (local.get $text))
      (i32.store (i32.const 1028) (i32.add (local.get $len) (i32.const 7)))
      (i32.const 1024))
    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1))))

  (import "log" (func $log (param "msg" string)))

  (core instance $allocator (instantiate $Allocator))
  (alias core export $allocator "memory" (core memory $memory))
  (alias core export $allocator "realloc" (core func $realloc))
  (core func $log_lowered (canon lower (func $log) (memory $memory) (realloc $realloc)))
  (core instance $host (export "log" (func $log_lowered)))
  (core instance $greeter (instantiate $Greeter
    (with "allocator" (instance $allocator))
    (with "host" (instance $host))))

  (func $greet (param "name" string) (result string)
    (canon lift (core func $greeter "greet") (memory $memory) (realloc $realloc)))
  (type $binary-u32 (func (param "a" u32) (param "b" u32) (result u32)))
  (func $add (type $binary-u32) (canon lift (core func $greeter "add")))

  (component $Wrapper
    (alias outer 1 $binary-u32 (type $binary))
    (import "add" (func $inner-add (type $binary)))
    (export "sum" (func $inner-add)))
  (instance $wrapped (instantiate $Wrapper (with "add" (func $add))))

  (instance $api (export "greet" (func $greet)) (export "add" (func $add)))
  (export "test:multi/api" (instance $api))
  (export "wrapped" (instance $wrapped))
  (export "add" (func $add))
)
