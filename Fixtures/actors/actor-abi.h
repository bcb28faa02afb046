/* The canonical ABI glue every C actor fixture shares: a bump allocator exported as
 * `cabi_realloc`, a static return area, and the exports of theater:simple's `actor` and
 * `message-server-client` interfaces, which convert the flattened core parameters to the
 * structs below and call the actor's `on_*` functions (each actor defines all six).
 *
 * Written by hand from the component model's CanonicalABI.md; compiled with
 *   clang --target=wasm32 -mcpu=mvp -mbulk-memory -O2 -nostdlib
 * (Fixtures/build.sh). There is no libc: memcpy is __builtin_memcpy (memory.copy).
 *
 * Flattening (CanonicalABI.md, `flatten_functype`), for the signatures in
 * /work/shared/wit/theater-simple.wit:
 *   option<list<u8>>   -> i32 discriminant, i32 pointer, i32 length
 *   string, list<u8>   -> i32 pointer, i32 length
 *   tuple<...>         -> its elements' flattenings, in order
 * Every export has at most 7 flat parameters (under the limit of 16, so they are passed
 * as core parameters) and a result that flattens to more than one value, so it returns
 * one i32: the address of the result stored in linear memory (the return area).
 * Imports whose result needs more than one flat value take a last i32 parameter instead:
 * the address where the host stores the result.
 *
 * Memory: results stay valid until the host has lifted them, which it does before it
 * calls the instance again, and none of these actors keeps anything on the heap between
 * calls (their state goes out and comes back through the canonical ABI). So the heap is
 * reset at the start of the next call: by the first `cabi_realloc` the host makes to pass
 * that call's arguments, or on entry if it made none. Memory use is bounded by one
 * call's allocations, and no `post-return` function is needed.
 */
#ifndef ACTOR_ABI_H
#define ACTOR_ABI_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

/** A `list<u8>` or a UTF-8 `string`. */
typedef struct {
    u8 *ptr;
    u32 len;
} Bytes;

/** An `option<list<u8>>`: the state every export takes and returns. */
typedef struct {
    u32 is_some;
    Bytes bytes;
} OptionalBytes;

static const OptionalBytes none = {0, {0, 0}};

static OptionalBytes some(Bytes bytes) {
    OptionalBytes value = {1, bytes};
    return value;
}

/* ---- The heap ---------------------------------------------------------------------- */

extern u8 __heap_base; /* Defined by wasm-ld: the first address after data and stack. */

static u32 heap_top;
/* Set when an export returns: the next call may reuse the whole heap. */
static int previous_call_returned = 1;

static void reset_heap_if_previous_call_returned(void) {
    if (previous_call_returned) {
        heap_top = (u32)&__heap_base;
        previous_call_returned = 0;
    }
}

/* The canonical ABI's allocator: also the guest's own. Growing memory past its limit
 * traps, as running out of memory does in any guest. */
EXPORT("cabi_realloc")
void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    reset_heap_if_previous_call_returned();
    if (new_size <= old_size) return old;
    u64 start = ((u64)heap_top + align - 1) & ~((u64)align - 1);
    u64 end = start + new_size;
    u64 available = (u64)__builtin_wasm_memory_size(0) * 65536;
    if (end > available) {
        u64 pages = (end - available + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, (unsigned long)pages) == (unsigned long)-1) __builtin_trap();
    }
    heap_top = (u32)end;
    if (old_size) __builtin_memcpy((void *)(u32)start, old, old_size);
    return (void *)(u32)start;
}

static u8 *allocate(u32 size) {
    return cabi_realloc(0, 0, 1, size);
}

static Bytes copy_bytes(const void *source, u32 len) {
    Bytes copy = {allocate(len), len};
    __builtin_memcpy(copy.ptr, source, len);
    return copy;
}

static Bytes concatenate(Bytes first, Bytes second) {
    Bytes joined = {allocate(first.len + second.len), first.len + second.len};
    __builtin_memcpy(joined.ptr, first.ptr, first.len);
    __builtin_memcpy(joined.ptr + first.len, second.ptr, second.len);
    return joined;
}

/** A C string literal as bytes (not copied: literals live in static data). */
static Bytes text(const char *literal) {
    u32 len = 0;
    while (literal[len]) len++;
    Bytes bytes = {(u8 *)literal, len};
    return bytes;
}

static int bytes_equal(Bytes bytes, const char *literal) {
    Bytes other = text(literal);
    if (bytes.len != other.len) return 0;
    for (u32 i = 0; i < bytes.len; i++) {
        if (bytes.ptr[i] != other.ptr[i]) return 0;
    }
    return 1;
}

/* ---- Numbers ----------------------------------------------------------------------- */

static Bytes decimal(u64 value) {
    u8 digits[20];
    u32 count = 0;
    do {
        digits[count++] = (u8)('0' + value % 10);
        value /= 10;
    } while (value);
    Bytes formatted = {allocate(count), count};
    for (u32 i = 0; i < count; i++) formatted.ptr[i] = digits[count - 1 - i];
    return formatted;
}

/** Parses a non-empty run of ASCII digits that fits in a u64; 0 when it is not one. */
static int parse_decimal(Bytes text, u64 *value) {
    if (text.len == 0 || text.len > 19) return 0;
    u64 result = 0;
    for (u32 i = 0; i < text.len; i++) {
        u8 digit = text.ptr[i];
        if (digit < '0' || digit > '9') return 0;
        result = result * 10 + (digit - '0');
    }
    *value = result;
    return 1;
}

/** A fresh state holding `count` as 8 little-endian bytes. */
static Bytes count_bytes(u64 count) {
    Bytes bytes = {allocate(8), 8};
    __builtin_memcpy(bytes.ptr, &count, 8);
    return bytes;
}

static u64 read_count(Bytes bytes) {
    u64 count;
    __builtin_memcpy(&count, bytes.ptr, 8);
    return count;
}

/* ---- Results, through the static return area --------------------------------------- */

/* Big enough and aligned for every result below (the largest is 32 bytes). */
static u32 return_area[8];

static void *finish_call(void) {
    previous_call_returned = 1;
    return return_area;
}

static void store_option(u32 *words, OptionalBytes value) {
    words[0] = value.is_some;
    words[1] = (u32)value.bytes.ptr;
    words[2] = value.bytes.len;
}

/* result<tuple<option<list<u8>>>, string>: discriminant at 0, the payload at 4. */
static void *return_state(OptionalBytes state) {
    return_area[0] = 0;
    store_option(&return_area[1], state);
    return finish_call();
}

static void *return_error(Bytes message) {
    return_area[0] = 1;
    return_area[1] = (u32)message.ptr;
    return_area[2] = message.len;
    return finish_call();
}

/* result<tuple<option<list<u8>>, tuple<option<list<u8>>>>, string>: the reply at 16. */
static void *return_state_and_reply(OptionalBytes state, OptionalBytes reply) {
    return_area[0] = 0;
    store_option(&return_area[1], state);
    store_option(&return_area[4], reply);
    return finish_call();
}

/* result<tuple<option<list<u8>>, tuple<channel-accept>>, string>, where channel-accept is
 * record { accepted: bool, message: option<list<u8>> }: `accepted` at 16, the message at 20. */
static void *return_state_and_accept(OptionalBytes state, int accepted, OptionalBytes message) {
    return_area[0] = 0;
    store_option(&return_area[1], state);
    return_area[4] = accepted ? 1 : 0;
    store_option(&return_area[5], message);
    return finish_call();
}

/* ---- Imports (declare only what an actor uses: each one becomes a component import) - */

/* runtime.log: func(msg: string) */
#define IMPORT_LOG \
    IMPORT("theater:simple/runtime", "log") void host_log(u8 *msg, u32 msg_len);

/* message-server-host.send: func(actor-id, msg: list<u8>) -> result<_, string>
 * request: func(actor-id, msg: list<u8>) -> result<list<u8>, string>
 * send-on-channel: func(channel-id, msg: list<u8>) -> result<_, string>
 * Each stores its result at `result`: a one-byte discriminant (the canonical ABI writes
 * only that byte; the padding after it is not written), then, at offset 4, the payload's
 * pointer and length (the error string, or request's reply). */
typedef struct {
    u8 is_error;
    Bytes payload;
} HostResult;

#define IMPORT_SEND                                                                            \
    IMPORT("theater:simple/message-server-host", "send")                                      \
    void host_send(u8 *actor_id, u32 actor_id_len, u8 *msg, u32 msg_len, HostResult *result);
#define IMPORT_REQUEST                                                                         \
    IMPORT("theater:simple/message-server-host", "request")                                   \
    void host_request(u8 *actor_id, u32 actor_id_len, u8 *msg, u32 msg_len, HostResult *result);
#define IMPORT_SEND_ON_CHANNEL                                                                 \
    IMPORT("theater:simple/message-server-host", "send-on-channel")                           \
    void host_send_on_channel(u8 *channel_id, u32 channel_id_len, u8 *msg, u32 msg_len, HostResult *result);

/* ---- Exports ----------------------------------------------------------------------- */

/* What each actor defines. Each returns one of the `return_*` results above. */
static void *on_init(OptionalBytes state, Bytes actor_id);
static void *on_send(OptionalBytes state, Bytes message);
static void *on_request(OptionalBytes state, Bytes request_id, Bytes message);
static void *on_channel_open(OptionalBytes state, Bytes channel_id, Bytes message);
static void *on_channel_message(OptionalBytes state, Bytes channel_id, Bytes message);
static void *on_channel_close(OptionalBytes state, Bytes channel_id);

/* The three channel handlers of an actor that has no use for channels: every opening is
 * accepted without a message; messages and closes leave the state as it is. */
#define ACCEPT_CHANNELS_KEEPING_STATE                                                           \
    static void *on_channel_open(OptionalBytes state, Bytes channel_id, Bytes message) {         \
        return return_state_and_accept(state, 1, none);                                         \
    }                                                                                            \
    static void *on_channel_message(OptionalBytes state, Bytes channel_id, Bytes message) {      \
        return return_state(state);                                                              \
    }                                                                                            \
    static void *on_channel_close(OptionalBytes state, Bytes channel_id) { return return_state(state); }

static OptionalBytes optional_bytes(u32 is_some, u8 *ptr, u32 len) {
    OptionalBytes value = {is_some, {ptr, len}};
    return value;
}

static Bytes make_bytes(u8 *ptr, u32 len) {
    Bytes value = {ptr, len};
    return value;
}

/* init: func(state: option<list<u8>>, params: tuple<string>) -> result<tuple<option<list<u8>>>, string> */
EXPORT("theater:simple/actor#init")
void *export_init(u32 state_is_some, u8 *state, u32 state_len, u8 *actor_id, u32 actor_id_len) {
    reset_heap_if_previous_call_returned();
    return on_init(optional_bytes(state_is_some, state, state_len), make_bytes(actor_id, actor_id_len));
}

/* handle-send: func(state, params: tuple<list<u8>>) -> result<tuple<option<list<u8>>>, string> */
EXPORT("theater:simple/message-server-client#handle-send")
void *export_handle_send(u32 state_is_some, u8 *state, u32 state_len, u8 *message, u32 message_len) {
    reset_heap_if_previous_call_returned();
    return on_send(optional_bytes(state_is_some, state, state_len), make_bytes(message, message_len));
}

/* handle-request: func(state, params: tuple<string, list<u8>>)
 *   -> result<tuple<option<list<u8>>, tuple<option<list<u8>>>>, string> */
EXPORT("theater:simple/message-server-client#handle-request")
void *export_handle_request(
    u32 state_is_some, u8 *state, u32 state_len, u8 *request_id, u32 request_id_len, u8 *message,
    u32 message_len) {
    reset_heap_if_previous_call_returned();
    return on_request(
        optional_bytes(state_is_some, state, state_len), make_bytes(request_id, request_id_len),
        make_bytes(message, message_len));
}

/* handle-channel-open: func(state, params: tuple<string, list<u8>>)
 *   -> result<tuple<option<list<u8>>, tuple<channel-accept>>, string> */
EXPORT("theater:simple/message-server-client#handle-channel-open")
void *export_handle_channel_open(
    u32 state_is_some, u8 *state, u32 state_len, u8 *channel_id, u32 channel_id_len, u8 *message,
    u32 message_len) {
    reset_heap_if_previous_call_returned();
    return on_channel_open(
        optional_bytes(state_is_some, state, state_len), make_bytes(channel_id, channel_id_len),
        make_bytes(message, message_len));
}

/* handle-channel-message: func(state, params: tuple<channel-id, list<u8>>)
 *   -> result<tuple<option<list<u8>>>, string> */
EXPORT("theater:simple/message-server-client#handle-channel-message")
void *export_handle_channel_message(
    u32 state_is_some, u8 *state, u32 state_len, u8 *channel_id, u32 channel_id_len, u8 *message,
    u32 message_len) {
    reset_heap_if_previous_call_returned();
    return on_channel_message(
        optional_bytes(state_is_some, state, state_len), make_bytes(channel_id, channel_id_len),
        make_bytes(message, message_len));
}

/* handle-channel-close: func(state, params: tuple<channel-id>) -> result<tuple<option<list<u8>>>, string> */
EXPORT("theater:simple/message-server-client#handle-channel-close")
void *export_handle_channel_close(u32 state_is_some, u8 *state, u32 state_len, u8 *channel_id, u32 channel_id_len) {
    reset_heap_if_previous_call_returned();
    return on_channel_close(optional_bytes(state_is_some, state, state_len), make_bytes(channel_id, channel_id_len));
}

#endif
