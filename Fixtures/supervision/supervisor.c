/* supervisor: a theater:simple supervisor actor that does what its messages say with
 * the `supervisor` interface, for the supervision tests. Built twice (Fixtures/build.sh):
 *   supervisor.wasm           world wasm-supervisor (supervision.wit): no
 *                             supervisor-handlers, so its declared strategy decides.
 *   supervisor-handlers.wasm  world supervisor-actor (theater-simple.wit), compiled with
 *                             WITH_HANDLERS: it decides about its children's ends itself.
 *
 * The state is the outcome of the last command, as text:
 *   init       a state "spawn:MANIFEST" spawns that child (the state becomes the
 *              outcome, below); any other state is kept.
 *   send, by message:
 *     spawn:MANIFEST         supervisor.spawn(MANIFEST, none)  "child:ID" | "err:MESSAGE"
 *     resume:STATE:MANIFEST  supervisor.resume(MANIFEST, some(STATE))   (same)
 *     stop:ID                supervisor.stop-child(ID)         "ok" | "err:MESSAGE"
 *     restart:ID             supervisor.restart-child(ID)      "ok" | "err:MESSAGE"
 *     list                   supervisor.list-children()        "children:ID,ID,..."
 *     state:ID               supervisor.get-child-state(ID)    "state:BYTES" | "state:none"
 *                                                              | "err:MESSAGE"
 *     events:ID              supervisor.get-child-events(ID)   "events:N" (N events)
 *                                                              | "err:MESSAGE"
 *     trap                   unreachable
 *   request   replies with the state (unchanged).
 *   channels  open: accepted, no message; messages and close leave the state unchanged.
 * With WITH_HANDLERS:
 *   handle-child-error(ID, error)  calls restart-child(ID); state "error:ID:TYPE:ok" (or
 *                                  ":err:MESSAGE"), TYPE the wit-error-type's index.
 *   handle-child-exit(ID, data)    state "exit:ID".
 *   handle-child-external-stop(ID) state "external-stop:ID".
 * Imports supervisor (all seven functions). */
#include "../actors/actor-abi.h"

/* ---- supervisor imports ------------------------------------------------------------ */

/* Results are stored at the last parameter's address: a discriminant byte at offset 0,
 * the payload at offset 4. Read as words, zeroed first (the host writes only the bytes
 * it defines). */
typedef struct {
    u32 words[4];
} ResultArea;

#define SUPERVISOR "theater:simple/supervisor"
IMPORT(SUPERVISOR, "spawn")
void host_spawn(u8 *manifest, u32 manifest_len, u32 has_state, u8 *state, u32 state_len, ResultArea *result);
IMPORT(SUPERVISOR, "resume")
void host_resume(u8 *manifest, u32 manifest_len, u32 has_state, u8 *state, u32 state_len, ResultArea *result);
IMPORT(SUPERVISOR, "list-children") void host_list_children(ResultArea *result);
IMPORT(SUPERVISOR, "stop-child") void host_stop_child(u8 *id, u32 id_len, ResultArea *result);
IMPORT(SUPERVISOR, "restart-child") void host_restart_child(u8 *id, u32 id_len, ResultArea *result);
IMPORT(SUPERVISOR, "get-child-state") void host_get_child_state(u8 *id, u32 id_len, ResultArea *result);
IMPORT(SUPERVISOR, "get-child-events") void host_get_child_events(u8 *id, u32 id_len, ResultArea *result);

static ResultArea area;

static ResultArea *fresh_area(void) {
    for (u32 i = 0; i < 4; i++) area.words[i] = 0;
    return &area;
}

static int is_error(void) { return (area.words[0] & 0xFF) != 0; }

static Bytes word_bytes(u32 index) { return make_bytes((u8 *)area.words[index], area.words[index + 1]); }

static OptionalBytes outcome(const char *prefix, Bytes payload) {
    return some(concatenate(text(prefix), payload));
}

/** "err:" + the error string at offset 4, or `ok_text`. */
static OptionalBytes unit_outcome(void) {
    return is_error() ? outcome("err:", word_bytes(1)) : some(text("ok"));
}

/* ---- commands ---------------------------------------------------------------------- */

static int starts_with(Bytes bytes, const char *prefix, Bytes *rest) {
    Bytes head = text(prefix);
    if (bytes.len < head.len) return 0;
    for (u32 i = 0; i < head.len; i++) {
        if (bytes.ptr[i] != head.ptr[i]) return 0;
    }
    *rest = make_bytes(bytes.ptr + head.len, bytes.len - head.len);
    return 1;
}

static OptionalBytes spawn(Bytes manifest, OptionalBytes state, int resume) {
    ResultArea *result = fresh_area();
    if (resume) {
        host_resume(manifest.ptr, manifest.len, state.is_some, state.bytes.ptr, state.bytes.len, result);
    } else {
        host_spawn(manifest.ptr, manifest.len, state.is_some, state.bytes.ptr, state.bytes.len, result);
    }
    return outcome(is_error() ? "err:" : "child:", word_bytes(1));
}

static OptionalBytes list_children(void) {
    ResultArea *result = fresh_area();
    host_list_children(result);
    Bytes *ids = (Bytes *)area.words[0];
    u32 count = area.words[1];
    Bytes joined = text("children:");
    for (u32 i = 0; i < count; i++) {
        if (i > 0) joined = concatenate(joined, text(","));
        joined = concatenate(joined, ids[i]);
    }
    return some(joined);
}

static OptionalBytes child_state(Bytes id) {
    host_get_child_state(id.ptr, id.len, fresh_area());
    if (is_error()) return outcome("err:", word_bytes(1));
    if ((area.words[1] & 0xFF) == 0) return some(text("state:none"));
    return outcome("state:", word_bytes(2));
}

static OptionalBytes child_events(Bytes id) {
    host_get_child_events(id.ptr, id.len, fresh_area());
    if (is_error()) return outcome("err:", word_bytes(1));
    return outcome("events:", decimal(area.words[2]));
}

static OptionalBytes run_command(Bytes message) {
    Bytes rest;
    if (starts_with(message, "spawn:", &rest)) return spawn(rest, none, 0);
    if (starts_with(message, "resume:", &rest)) {
        u32 colon = 0;
        while (colon < rest.len && rest.ptr[colon] != ':') colon++;
        if (colon == rest.len) return some(text("err:resume needs STATE:MANIFEST"));
        Bytes state = make_bytes(rest.ptr, colon);
        return spawn(make_bytes(rest.ptr + colon + 1, rest.len - colon - 1), some(state), 1);
    }
    if (starts_with(message, "stop:", &rest)) {
        host_stop_child(rest.ptr, rest.len, fresh_area());
        return unit_outcome();
    }
    if (starts_with(message, "restart:", &rest)) {
        host_restart_child(rest.ptr, rest.len, fresh_area());
        return unit_outcome();
    }
    if (bytes_equal(message, "list")) return list_children();
    if (starts_with(message, "state:", &rest)) return child_state(rest);
    if (starts_with(message, "events:", &rest)) return child_events(rest);
    if (bytes_equal(message, "trap")) __builtin_trap();
    return some(text("err:unknown command"));
}

/* ---- actor exports ----------------------------------------------------------------- */

static void *on_init(OptionalBytes state, Bytes actor_id) {
    Bytes rest;
    if (state.is_some && starts_with(state.bytes, "spawn:", &rest)) return return_state(spawn(rest, none, 0));
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    return return_state(run_command(message));
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_state_and_reply(state, state);
}

ACCEPT_CHANNELS_KEEPING_STATE

#ifdef WITH_HANDLERS
/* ---- supervisor-handlers exports --------------------------------------------------- */

/* handle-child-error: func(state, params: tuple<string, wit-actor-error>), where
 * wit-actor-error is record { error-type: enum (i32), data: option<list<u8>> }. */
EXPORT("theater:simple/supervisor-handlers#handle-child-error")
void *export_handle_child_error(
    u32 state_is_some, u8 *state, u32 state_len, u8 *child, u32 child_len, u32 error_type, u32 data_is_some,
    u8 *data, u32 data_len) {
    reset_heap_if_previous_call_returned();
    Bytes id = make_bytes(child, child_len);
    Bytes report = concatenate(concatenate(text("error:"), id), concatenate(text(":"), decimal(error_type)));
    host_restart_child(id.ptr, id.len, fresh_area());
    OptionalBytes restarted = unit_outcome();
    return return_state(some(concatenate(concatenate(report, text(":")), restarted.bytes)));
}

/* handle-child-exit: func(state, params: tuple<string, option<list<u8>>>) */
EXPORT("theater:simple/supervisor-handlers#handle-child-exit")
void *export_handle_child_exit(
    u32 state_is_some, u8 *state, u32 state_len, u8 *child, u32 child_len, u32 data_is_some, u8 *data,
    u32 data_len) {
    reset_heap_if_previous_call_returned();
    return return_state(outcome("exit:", make_bytes(child, child_len)));
}

/* handle-child-external-stop: func(state, params: tuple<string>) */
EXPORT("theater:simple/supervisor-handlers#handle-child-external-stop")
void *export_handle_child_external_stop(u32 state_is_some, u8 *state, u32 state_len, u8 *child, u32 child_len) {
    reset_heap_if_previous_call_returned();
    return return_state(outcome("external-stop:", make_bytes(child, child_len)));
}
#endif
