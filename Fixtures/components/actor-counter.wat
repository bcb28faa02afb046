;; A theater:simple actor (world message-actor) written against the canonical ABI by hand.
;; Its state is a 4-byte little-endian counter (list<u8>) that handle-send and
;; handle-request increment; handle-request echoes the message as its reply; a message
;; "fail" makes handle-send return an error; handle-channel-message forwards the message
;; with message-server-host.send to the actor named by the channel id.
(module
  (import "theater:simple/runtime" "log" (func $log (param i32 i32)))
  (import "theater:simple/message-server-host" "send" (func $send (param i32 i32 i32 i32 i32)))

  (memory (export "memory") 1)
  ;; Bump allocator; everything below 4096 is static data and return areas.
  (global $heap (mut i32) (i32.const 4096))

  (data (i32.const 16) "init ")
  (data (i32.const 64) "fail")
  (data (i32.const 80) "handle-send refused the message")
  ;; 256..287: the return area of every export; 320..331: send's return area.

  (func $cabi_realloc (export "cabi_realloc")
    (param $old i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $ptr i32) (local $needed i32)
    (if (i32.le_u (local.get $new_size) (local.get $old_size))
      (then (return (local.get $old))))
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $new_size)))
    (local.set $needed (i32.sub (global.get $heap) (i32.mul (memory.size) (i32.const 65536))))
    (if (i32.gt_s (local.get $needed) (i32.const 0))
      (then
        (if (i32.eq
              (memory.grow (i32.div_u (i32.add (local.get $needed) (i32.const 65535)) (i32.const 65536)))
              (i32.const -1))
          (then unreachable))))
    (if (local.get $old_size)
      (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old_size))))
    (local.get $ptr))

  ;; The counter in a state option<list<u8>> (0 when absent or short).
  (func $counter (param $disc i32) (param $ptr i32) (param $len i32) (result i32)
    (if (result i32) (i32.and (local.get $disc) (i32.ge_u (local.get $len) (i32.const 4)))
      (then (i32.load (local.get $ptr)))
      (else (i32.const 0))))

  ;; A fresh 4-byte state holding $value.
  (func $new_state (param $value i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (call $cabi_realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 4)))
    (i32.store (local.get $ptr) (local.get $value))
    (local.get $ptr))

  ;; Writes ok((some(state))) into the return area: result<tuple<option<list<u8>>>, string>.
  (func $return_state (param $disc i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (i32.const 256) (i32.const 0))
    (i32.store8 (i32.const 260) (local.get $disc))
    (i32.store (i32.const 264) (local.get $ptr))
    (i32.store (i32.const 268) (local.get $len))
    (i32.const 256))

  (func $return_error (param $ptr i32) (param $len i32) (result i32)
    (i32.store8 (i32.const 256) (i32.const 1))
    (i32.store (i32.const 260) (local.get $ptr))
    (i32.store (i32.const 264) (local.get $len))
    (i32.const 256))

  ;; init: logs "init <actor id>", keeps the counter (0 for a new actor).
  (func (export "theater:simple/actor#init")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $id_ptr i32) (param $id_len i32) (result i32)
    (local $line i32)
    (local.set $line
      (call $cabi_realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (local.get $id_len) (i32.const 5))))
    (memory.copy (local.get $line) (i32.const 16) (i32.const 5))
    (memory.copy (i32.add (local.get $line) (i32.const 5)) (local.get $id_ptr) (local.get $id_len))
    (call $log (local.get $line) (i32.add (local.get $id_len) (i32.const 5)))
    (call $return_state
      (i32.const 1)
      (call $new_state (call $counter (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)))
      (i32.const 4)))

  ;; handle-send: logs the message and counts it; "fail" is refused with an error.
  (func (export "theater:simple/message-server-client#handle-send")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (if (i32.and
          (i32.eq (local.get $msg_len) (i32.const 4))
          (i32.eq (i32.load (local.get $msg_ptr)) (i32.load (i32.const 64))))
      (then (return (call $return_error (i32.const 80) (i32.const 31)))))
    (call $log (local.get $msg_ptr) (local.get $msg_len))
    (call $return_state
      (i32.const 1)
      (call $new_state
        (i32.add (call $counter (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)) (i32.const 1)))
      (i32.const 4)))

  ;; handle-request: counts the request and replies with the message itself.
  ;; result<tuple<option<list<u8>>, tuple<option<list<u8>>>>, string>
  (func (export "theater:simple/message-server-client#handle-request")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $request_id_ptr i32) (param $request_id_len i32)
    (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (drop
      (call $return_state
        (i32.const 1)
        (call $new_state
          (i32.add (call $counter (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)) (i32.const 1)))
        (i32.const 4)))
    (i32.store8 (i32.const 272) (i32.const 1))
    (i32.store (i32.const 276) (local.get $msg_ptr))
    (i32.store (i32.const 280) (local.get $msg_len))
    (i32.const 256))

  ;; handle-channel-open: accepts, without a message, keeping the state.
  ;; result<tuple<option<list<u8>>, tuple<channel-accept>>, string>
  (func (export "theater:simple/message-server-client#handle-channel-open")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $id_ptr i32) (param $id_len i32)
    (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (drop (call $return_state (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)))
    (i32.store8 (i32.const 272) (i32.const 1))
    (i32.store8 (i32.const 276) (i32.const 0))
    (i32.const 256))

  ;; handle-channel-message: sends the message to the actor named by the channel id.
  (func (export "theater:simple/message-server-client#handle-channel-message")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $channel_ptr i32) (param $channel_len i32)
    (param $msg_ptr i32) (param $msg_len i32) (result i32)
    (call $send
      (local.get $channel_ptr) (local.get $channel_len)
      (local.get $msg_ptr) (local.get $msg_len)
      (i32.const 320))
    (if (i32.load8_u (i32.const 320))
      (then (return (call $return_error (i32.load (i32.const 324)) (i32.load (i32.const 328))))))
    (call $return_state (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)))

  (func (export "theater:simple/message-server-client#handle-channel-close")
    (param $state_disc i32) (param $state_ptr i32) (param $state_len i32)
    (param $channel_ptr i32) (param $channel_len i32) (result i32)
    (call $return_state (local.get $state_disc) (local.get $state_ptr) (local.get $state_len)))
)
