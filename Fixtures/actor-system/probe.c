/* probe: a theater:simple actor that does what its messages say, for the actor system's
 * tests. Imports runtime, message-server-host and timing (spawn it with all three).
 *
 * The state is bytes the probe sets to what happened (so tests can read it back); init
 * keeps the state it is given and logs "probe ACTOR-ID"; an initial state "init:MESSAGE"
 * makes init do what handle-send does with MESSAGE (from an empty state) instead.
 *
 * handle-send, by message (TARGET is an actor id or name; fields split at ':'):
 *   log:TEXT               runtime.log(TEXT)
 *   send:TARGET:PAYLOAD    message-server-host.send     state = "ok" | "err:MESSAGE"
 *   request:TARGET:PAYLOAD message-server-host.request  state = "reply:REPLY" | "err:MESSAGE"
 *   open:TARGET:PAYLOAD    open-channel                 state = "channel:ID" | "err:MESSAGE"
 *   chansend:ID:PAYLOAD    send-on-channel              state = "ok" | "err:MESSAGE"
 *   close:ID               close-channel                state = "ok" | "err:MESSAGE"
 *   outstanding            list-outstanding-requests    state = the ids joined by ','
 *   respond:ID:PAYLOAD     respond-to-request           state = "ok" | "err:MESSAGE"
 *   cancel:ID              cancel-request               state = "ok" | "err:MESSAGE"
 *   sleep:MILLISECONDS     timing.sleep                 state = "woke:NOW" (timing.now after)
 *   store:TEXT             store: new, store-at-label "greeting", get-by-label, get
 *                                                      state = "stored:" + what get returned
 *   chain                  runtime.get-chain            state = "events:N" (N = its length)
 *   spin:N                 loops N times (0: forever)
 *   append:TEXT            state = state + TEXT
 *   shutdown               runtime.shutdown(none)
 *   trap                   unreachable
 *   fail                   returns err("probe failed")
 *   grow                   memory.grow(1) until it fails, then unreachable
 *   recurse                unbounded recursion
 *   badstate               returns a state whose list lies outside memory
 * handle-request(ID, MESSAGE): "defer" keeps the request outstanding (state = ID);
 *   "trap" traps; "forward:TARGET:PAYLOAD" replies with TARGET's reply to a request of
 *   PAYLOAD; anything else is echoed as the reply.
 * handle-channel-open(ID, MESSAGE): "reject" rejects; "greet" accepts with the message
 *   "welcome"; else accepts silently. state = "open:ID".
 * handle-channel-message(ID, MESSAGE): state = "chan:ID:MESSAGE"; "echo" is answered on
 *   the channel with "echoed".
 * handle-channel-close(ID): state = "closed:ID".
 *
 * Canonical ABI by hand (no libc, no wit-bindgen): a bump heap that every export's
 * post-return resets, so memory stays flat however many messages arrive.
 */
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

#define RUNTIME "theater:simple/runtime"
#define MESSAGES "theater:simple/message-server-host"
#define TIMING "theater:simple/timing"
#define STORE "theater:simple/store"

IMPORT(RUNTIME, "log") void host_log(const u8 *ptr, u32 len);
IMPORT(RUNTIME, "shutdown") void host_shutdown(u32 is_some, const u8 *ptr, u32 len, u8 *ret);
IMPORT(MESSAGES, "send") void host_send(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(MESSAGES, "request") void host_request(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(MESSAGES, "open-channel") void host_open_channel(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(MESSAGES, "send-on-channel") void host_send_on_channel(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(MESSAGES, "close-channel") void host_close_channel(const u8 *a, u32 al, u8 *ret);
IMPORT(MESSAGES, "list-outstanding-requests") void host_list_outstanding(u8 *ret);
IMPORT(MESSAGES, "respond-to-request") void host_respond(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(MESSAGES, "cancel-request") void host_cancel(const u8 *a, u32 al, u8 *ret);
IMPORT(TIMING, "sleep") void host_sleep(u64 duration, u8 *ret);
IMPORT(TIMING, "now") u64 host_now(void);
IMPORT(RUNTIME, "get-chain") void host_get_chain(u8 *ret);
IMPORT(STORE, "new") void host_store_new(u8 *ret);
IMPORT(STORE, "store-at-label") void host_store_at_label(const u8 *a, u32 al, const u8 *b, u32 bl, const u8 *c, u32 cl, u8 *ret);
IMPORT(STORE, "get-by-label") void host_get_by_label(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);
IMPORT(STORE, "get") void host_store_get(const u8 *a, u32 al, const u8 *b, u32 bl, u8 *ret);

typedef struct { const u8 *ptr; u32 len; } Bytes;

/* ---- Heap: bump allocation, reset after each call (post-return). ---- */

extern u8 __heap_base;
static u32 heap_top = 0;

EXPORT("cabi_realloc") void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    if (heap_top == 0) heap_top = (u32)&__heap_base;
    if (new_size <= old_size) return old;
    u32 start = (heap_top + align - 1) & ~(align - 1);
    u32 end = start + new_size;
    u32 limit = __builtin_wasm_memory_size(0) * 65536;
    if (end > limit) {
        if (__builtin_wasm_memory_grow(0, (end - limit + 65535) / 65536) == (unsigned long)-1) __builtin_trap();
    }
    heap_top = end;
    if (old_size) __builtin_memcpy((void *)start, old, old_size);
    return (void *)start;
}

static void reset_heap(void) { heap_top = (u32)&__heap_base; }

static u8 *allocate(u32 size) { return cabi_realloc(0, 0, 1, size); }

/* ---- Byte strings ---- */

static Bytes text(const char *s) {
    u32 n = 0;
    while (s[n]) n++;
    Bytes b = {(const u8 *)s, n};
    return b;
}

static Bytes concat(Bytes a, Bytes b) {
    u8 *p = allocate(a.len + b.len);
    __builtin_memcpy(p, a.ptr, a.len);
    __builtin_memcpy(p + a.len, b.ptr, b.len);
    Bytes r = {p, a.len + b.len};
    return r;
}

static int equals(Bytes a, const char *s) {
    Bytes b = text(s);
    if (a.len != b.len) return 0;
    for (u32 i = 0; i < a.len; i++) if (a.ptr[i] != b.ptr[i]) return 0;
    return 1;
}

/* If `a` starts with `prefix`, removes it and returns 1. */
static int take_prefix(Bytes *a, const char *prefix) {
    Bytes p = text(prefix);
    if (a->len < p.len) return 0;
    for (u32 i = 0; i < p.len; i++) if (a->ptr[i] != p.ptr[i]) return 0;
    a->ptr += p.len;
    a->len -= p.len;
    return 1;
}

/* Splits at the first ':' into head and rest (rest empty when there is none). */
static Bytes split(Bytes *a) {
    u32 i = 0;
    while (i < a->len && a->ptr[i] != ':') i++;
    Bytes head = {a->ptr, i};
    u32 skip = i < a->len ? i + 1 : i;
    a->ptr += skip;
    a->len -= skip;
    return head;
}

static u64 number(Bytes a) {
    u64 n = 0;
    for (u32 i = 0; i < a.len && a.ptr[i] >= '0' && a.ptr[i] <= '9'; i++) n = n * 10 + (a.ptr[i] - '0');
    return n;
}

static Bytes decimal(u64 n) {
    u8 digits[20];
    u32 count = 0;
    do { digits[count++] = (u8)('0' + n % 10); n /= 10; } while (n);
    u8 *p = allocate(count);
    for (u32 i = 0; i < count; i++) p[i] = digits[count - 1 - i];
    Bytes b = {p, count};
    return b;
}

/* ---- Results ---- */

static u8 ret_area[32] __attribute__((aligned(8)));
static u8 import_ret[16] __attribute__((aligned(8)));

static u32 load32(const u8 *p) { return *(const u32 *)p; }

/* Reads a `result<_, string>` or `result<list<u8>|string, string>` the host wrote into
 * import_ret: "ok" / "PREFIX" + payload / "err:" + message. */
static Bytes outcome(const char *ok_prefix) {
    Bytes payload = {(const u8 *)load32(import_ret + 4), load32(import_ret + 8)};
    if (import_ret[0] == 0) return ok_prefix ? concat(text(ok_prefix), payload) : text("ok");
    return concat(text("err:"), payload);
}

static u8 *return_state(int is_some, Bytes state) {
    ret_area[0] = 0;
    ret_area[4] = (u8)is_some;
    *(u32 *)(ret_area + 8) = (u32)state.ptr;
    *(u32 *)(ret_area + 12) = state.len;
    return ret_area;
}

static u8 *return_error(const char *message) {
    Bytes m = text(message);
    ret_area[0] = 1;
    *(u32 *)(ret_area + 4) = (u32)m.ptr;
    *(u32 *)(ret_area + 8) = m.len;
    return ret_area;
}

/* ---- Behaviour ---- */

static volatile u32 sink;

static void spin(u64 count) {
    for (u64 i = 0; count == 0 || i < count; i++) sink += (u32)i;
}

static u32 recurse(u32 depth) {
    volatile u8 frame[64];
    frame[depth % 64] = (u8)depth;
    return recurse(depth + 1) + frame[0];
}

static void grow_until_failure(void) {
    while (__builtin_wasm_memory_grow(0, 1) != (unsigned long)-1) {}
    __builtin_trap();
}

/* Stores `content` under a label in a new store and reads it back through the label. */
static Bytes store_round_trip(Bytes content) {
    Bytes label = text("greeting");
    host_store_new(import_ret);
    if (import_ret[0] != 0) return outcome(0);
    Bytes id = {(const u8 *)load32(import_ret + 4), load32(import_ret + 8)};
    host_store_at_label(id.ptr, id.len, label.ptr, label.len, content.ptr, content.len, import_ret);
    if (import_ret[0] != 0) return outcome(0);
    host_get_by_label(id.ptr, id.len, label.ptr, label.len, import_ret);
    if (import_ret[0] != 0) return outcome(0);
    if (import_ret[4] == 0) return text("err:label not found");
    Bytes hash = {(const u8 *)load32(import_ret + 8), load32(import_ret + 12)};
    host_store_get(id.ptr, id.len, hash.ptr, hash.len, import_ret);
    return outcome("stored:");
}

u8 *handle_send(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *msg, u32 msg_len);

EXPORT("theater:simple/actor#init")
u8 *actor_init(u32 is_some, const u8 *state, u32 state_len, const u8 *id, u32 id_len) {
    Bytes line = concat(text("probe "), (Bytes){id, id_len});
    host_log(line.ptr, line.len);
    Bytes command = {state, state_len};
    if (is_some && take_prefix(&command, "init:")) return handle_send(1, 0, 0, command.ptr, command.len);
    return return_state(is_some, (Bytes){state, state_len});
}

EXPORT("theater:simple/message-server-client#handle-send")
u8 *handle_send(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *msg, u32 msg_len) {
    Bytes state = {state_ptr, state_len};
    Bytes m = {msg, msg_len};
    if (take_prefix(&m, "log:")) {
        host_log(m.ptr, m.len);
        return return_state(is_some, state);
    }
    if (take_prefix(&m, "send:")) {
        Bytes target = split(&m);
        host_send(target.ptr, target.len, m.ptr, m.len, import_ret);
        return return_state(1, outcome(0));
    }
    if (take_prefix(&m, "request:")) {
        Bytes target = split(&m);
        host_request(target.ptr, target.len, m.ptr, m.len, import_ret);
        return return_state(1, outcome("reply:"));
    }
    if (take_prefix(&m, "open:")) {
        Bytes target = split(&m);
        host_open_channel(target.ptr, target.len, m.ptr, m.len, import_ret);
        return return_state(1, outcome("channel:"));
    }
    if (take_prefix(&m, "chansend:")) {
        Bytes channel = split(&m);
        host_send_on_channel(channel.ptr, channel.len, m.ptr, m.len, import_ret);
        return return_state(1, outcome(0));
    }
    if (take_prefix(&m, "close:")) {
        host_close_channel(m.ptr, m.len, import_ret);
        return return_state(1, outcome(0));
    }
    if (equals(m, "outstanding")) {
        host_list_outstanding(import_ret);
        const u8 *list = (const u8 *)load32(import_ret);
        u32 count = load32(import_ret + 4);
        Bytes joined = {0, 0};
        for (u32 i = 0; i < count; i++) {
            Bytes id = {(const u8 *)load32(list + 8 * i), load32(list + 8 * i + 4)};
            joined = i == 0 ? concat(joined, id) : concat(concat(joined, text(",")), id);
        }
        return return_state(1, joined);
    }
    if (take_prefix(&m, "respond:")) {
        Bytes id = split(&m);
        host_respond(id.ptr, id.len, m.ptr, m.len, import_ret);
        return return_state(1, outcome(0));
    }
    if (take_prefix(&m, "cancel:")) {
        host_cancel(m.ptr, m.len, import_ret);
        return return_state(1, outcome(0));
    }
    if (take_prefix(&m, "sleep:")) {
        host_sleep(number(m), import_ret);
        if (import_ret[0] != 0) return return_state(1, outcome(0));
        return return_state(1, concat(text("woke:"), decimal(host_now())));
    }
    if (take_prefix(&m, "store:")) return return_state(1, store_round_trip(m));
    if (equals(m, "chain")) {
        host_get_chain(import_ret);
        return return_state(1, concat(text("events:"), decimal(load32(import_ret + 4))));
    }
    if (take_prefix(&m, "spin:")) {
        spin(number(m));
        return return_state(is_some, state);
    }
    if (take_prefix(&m, "append:")) return return_state(1, concat(state, m));
    if (equals(m, "shutdown")) {
        host_shutdown(0, 0, 0, import_ret);
        return return_state(is_some, state);
    }
    if (equals(m, "trap")) __builtin_trap();
    if (equals(m, "fail")) return return_error("probe failed");
    if (equals(m, "grow")) grow_until_failure();
    if (equals(m, "recurse")) sink = recurse(0);
    if (equals(m, "badstate")) return return_state(1, (Bytes){(const u8 *)0x7ffffff0, 64});
    return return_state(is_some, state);
}

EXPORT("theater:simple/message-server-client#handle-request")
u8 *handle_request(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *id, u32 id_len, const u8 *msg, u32 msg_len) {
    Bytes state = {state_ptr, state_len};
    Bytes m = {msg, msg_len};
    Bytes reply = m;
    int has_reply = 1;
    if (equals(m, "trap")) __builtin_trap();
    if (equals(m, "defer")) {
        state = concat((Bytes){0, 0}, (Bytes){id, id_len});
        is_some = 1;
        has_reply = 0;
    } else if (take_prefix(&m, "forward:")) {
        Bytes target = split(&m);
        host_request(target.ptr, target.len, m.ptr, m.len, import_ret);
        reply = outcome("");
    }
    return_state(is_some, state);
    ret_area[16] = (u8)has_reply;
    *(u32 *)(ret_area + 20) = (u32)reply.ptr;
    *(u32 *)(ret_area + 24) = reply.len;
    return ret_area;
}

EXPORT("theater:simple/message-server-client#handle-channel-open")
u8 *handle_channel_open(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *id, u32 id_len, const u8 *msg, u32 msg_len) {
    Bytes m = {msg, msg_len};
    return_state(1, concat(text("open:"), (Bytes){id, id_len}));
    Bytes welcome = text("welcome");
    ret_area[16] = equals(m, "reject") ? 0 : 1;
    ret_area[20] = equals(m, "greet") ? 1 : 0;
    *(u32 *)(ret_area + 24) = (u32)welcome.ptr;
    *(u32 *)(ret_area + 28) = welcome.len;
    return ret_area;
}

EXPORT("theater:simple/message-server-client#handle-channel-message")
u8 *handle_channel_message(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *id, u32 id_len, const u8 *msg, u32 msg_len) {
    Bytes m = {msg, msg_len};
    Bytes channel = {id, id_len};
    if (equals(m, "echo")) {
        Bytes echoed = text("echoed");
        host_send_on_channel(channel.ptr, channel.len, echoed.ptr, echoed.len, import_ret);
    }
    return return_state(1, concat(concat(concat(text("chan:"), channel), text(":")), m));
}

EXPORT("theater:simple/message-server-client#handle-channel-close")
u8 *handle_channel_close(u32 is_some, const u8 *state_ptr, u32 state_len, const u8 *id, u32 id_len) {
    return return_state(1, concat(text("closed:"), (Bytes){id, id_len}));
}

/* post-return: the host has lifted the result; nothing on the heap is needed any more. */
EXPORT("cabi_post_theater:simple/actor#init") void post_init(u8 *r) { reset_heap(); }
EXPORT("cabi_post_theater:simple/message-server-client#handle-send") void post_send(u8 *r) { reset_heap(); }
EXPORT("cabi_post_theater:simple/message-server-client#handle-request") void post_request(u8 *r) { reset_heap(); }
EXPORT("cabi_post_theater:simple/message-server-client#handle-channel-open") void post_open(u8 *r) { reset_heap(); }
EXPORT("cabi_post_theater:simple/message-server-client#handle-channel-message") void post_message(u8 *r) { reset_heap(); }
EXPORT("cabi_post_theater:simple/message-server-client#handle-channel-close") void post_close(u8 *r) { reset_heap(); }
