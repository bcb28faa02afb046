/* spinner: a handler that never returns, for fuel limits and scheduling fairness.
 *   init       loops forever when the state is the 4 bytes "spin"; otherwise ok(state),
 *              unchanged.
 *   send       loops forever (a tight loop that only counts; it never returns, never
 *              calls the host and never traps).
 *   request    replies with the message (state unchanged), so a spinner that is not
 *              spinning can be shown to answer.
 *   channels   open: accepted, no message; messages and close leave the state unchanged.
 * Imports nothing. */
#include "actor-abi.h"

/* Volatile, so the loop does memory work the compiler cannot remove. */
static volatile u32 spins;

static void spin_forever(void) {
    for (;;) spins++;
}

static void *on_init(OptionalBytes state, Bytes actor_id) {
    if (state.is_some && bytes_equal(state.bytes, "spin")) spin_forever();
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    spin_forever();
    return return_state(state);
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_state_and_reply(state, some(message));
}

ACCEPT_CHANNELS_KEEPING_STATE
