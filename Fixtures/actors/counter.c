/* counter: counts the messages it receives.
 *   state      a u64 count, 8 little-endian bytes; absent counts 0; other lengths are
 *              refused with an error (init and every handler).
 *   init       ok(the count), absent becoming 8 zero bytes.
 *   send       count + 1, whatever the message.
 *   request    state unchanged; replies with the count in decimal ASCII ("42").
 *   channels   open: accepted, no message, state unchanged; each channel message counts
 *              1; close: state unchanged.
 * Imports nothing. */
#include "counter-state.h"

static void *on_init(OptionalBytes state, Bytes actor_id) {
    return return_incremented(state, 0);
}

static void *on_send(OptionalBytes state, Bytes message) {
    return return_incremented(state, 1);
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_count_reply(state);
}

static void *on_channel_open(OptionalBytes state, Bytes channel_id, Bytes message) {
    return return_state_and_accept(state, 1, none);
}

static void *on_channel_message(OptionalBytes state, Bytes channel_id, Bytes message) {
    return return_incremented(state, 1);
}

static void *on_channel_close(OptionalBytes state, Bytes channel_id) {
    return return_state(state);
}
