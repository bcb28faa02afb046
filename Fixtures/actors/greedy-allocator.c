/* greedy-allocator: takes all the memory it may, for memory limit tests.
 *   init       ok(state), unchanged.
 *   send       grows memory one page (64 KiB) at a time until memory.grow fails, then
 *              traps (unreachable). Run it only under a memory limit
 *              (StoreConfiguration.maxMemoryPages): without one it would take 4 GiB.
 *   request    the message is a page count N in decimal: memory.grow(N); replies
 *              "grew to P" (P: pages after growing) or "failed at P" (pages unchanged);
 *              a message that is not a number is an error. State unchanged.
 *   channels   open: accepted, no message; messages and close leave the state unchanged.
 * Imports nothing. */
#include "actor-abi.h"

static void *on_init(OptionalBytes state, Bytes actor_id) {
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    while (__builtin_wasm_memory_grow(0, 1) != (unsigned long)-1) {
    }
    __builtin_trap();
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    u64 pages;
    if (!parse_decimal(message, &pages) || pages > 65536) {
        return return_error(text("greedy-allocator expects a page count up to 65536"));
    }
    int grew = __builtin_wasm_memory_grow(0, (unsigned long)pages) != (unsigned long)-1;
    Bytes size = decimal(__builtin_wasm_memory_size(0));
    return return_state_and_reply(state, some(concatenate(text(grew ? "grew to " : "failed at "), size)));
}

ACCEPT_CHANNELS_KEEPING_STATE
