/* trapper: a counter (see counter.c, same state) that crashes on demand, for failure and
 * supervision tests. "Asks for a trap": the message is "trap" or its first byte is 0xFF.
 *   init       traps (unreachable) when the state is the 4 bytes "trap"; otherwise as
 *              counter's init.
 *   send       traps when the message asks for a trap; returns
 *              err("trapper refused the message") for "fail" (state unchanged: a handler
 *              error, not a crash); otherwise count + 1.
 *   request    traps when the message asks for a trap; err("trapper refused the request")
 *              for "fail"; otherwise replies with the count in decimal ASCII.
 *   channels   as counter; a channel message that asks for a trap traps.
 * Imports nothing. */
#include "counter-state.h"

static int asks_for_trap(Bytes message) {
    return bytes_equal(message, "trap") || (message.len > 0 && message.ptr[0] == 0xFF);
}

static void *on_init(OptionalBytes state, Bytes actor_id) {
    if (state.is_some && bytes_equal(state.bytes, "trap")) __builtin_trap();
    return return_incremented(state, 0);
}

static void *on_send(OptionalBytes state, Bytes message) {
    if (asks_for_trap(message)) __builtin_trap();
    if (bytes_equal(message, "fail")) return return_error(text("trapper refused the message"));
    return return_incremented(state, 1);
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    if (asks_for_trap(message)) __builtin_trap();
    if (bytes_equal(message, "fail")) return return_error(text("trapper refused the request"));
    return return_count_reply(state);
}

static void *on_channel_open(OptionalBytes state, Bytes channel_id, Bytes message) {
    return return_state_and_accept(state, 1, none);
}

static void *on_channel_message(OptionalBytes state, Bytes channel_id, Bytes message) {
    if (asks_for_trap(message)) __builtin_trap();
    return return_incremented(state, 1);
}

static void *on_channel_close(OptionalBytes state, Bytes channel_id) {
    return return_state(state);
}
