/* noop: does nothing, as cheaply as the canonical ABI allows: for measuring the cost of
 * messaging itself (Benchmarks/Actors).
 *   state      kept exactly as given (init and every handler).
 *   init       ok(state), unchanged.
 *   send       ok(state), unchanged; the message is ignored.
 *   request    state unchanged; replies with the message itself.
 *   channels   open: accepted, no message; messages and close leave the state unchanged.
 * Imports nothing. */
#include "actor-abi.h"

static void *on_init(OptionalBytes state, Bytes actor_id) {
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    return return_state(state);
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_state_and_reply(state, some(message));
}

ACCEPT_CHANNELS_KEEPING_STATE
