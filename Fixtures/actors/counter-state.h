/* The state of the counting actors (counter, trapper): a u64 count as 8 little-endian
 * bytes. An absent state counts 0; a state of any other length is refused. */
#ifndef COUNTER_STATE_H
#define COUNTER_STATE_H

#include "actor-abi.h"

/** The count in `state`; 0 when the state is not 8 bytes long. */
static int read_counter_state(OptionalBytes state, u64 *count) {
    if (!state.is_some) {
        *count = 0;
        return 1;
    }
    if (state.bytes.len != 8) return 0;
    *count = read_count(state.bytes);
    return 1;
}

static void *return_bad_counter_state(void) {
    return return_error(text("the state of a counting actor is 8 bytes (a little-endian u64)"));
}

/** ok(some(count + by)), or the error for a malformed state. */
static void *return_incremented(OptionalBytes state, u64 by) {
    u64 count;
    if (!read_counter_state(state, &count)) return return_bad_counter_state();
    return return_state(some(count_bytes(count + by)));
}

/** The state as it is (normalized: absent becomes 8 zero bytes) with the count in decimal
 * ASCII as the reply. */
static void *return_count_reply(OptionalBytes state) {
    u64 count;
    if (!read_counter_state(state, &count)) return return_bad_counter_state();
    return return_state_and_reply(some(count_bytes(count)), some(decimal(count)));
}

#endif
