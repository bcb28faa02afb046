/* requester: makes a request from inside a handler (message-server-host.request blocks
 * the actor until the reply arrives), for tests of request/response between actors.
 *   state      the last reply's bytes, or "error: " followed by the last request's error;
 *              absent before the first request.
 *   init       ok(state), unchanged.
 *   send       "ACTOR-ID:PAYLOAD" (split at the first ':'): calls request(ACTOR-ID,
 *              PAYLOAD) and stores the outcome as the state. A message without ':' is
 *              an error (state unchanged).
 *   request    state unchanged; replies with the state (none before the first request).
 *   channels   open: accepted, no message; messages and close leave the state unchanged.
 * Imports message-server-host.request. */
#include "actor-abi.h"

IMPORT_REQUEST

static void *on_init(OptionalBytes state, Bytes actor_id) {
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    u32 colon = 0;
    while (colon < message.len && message.ptr[colon] != ':') colon++;
    if (colon == message.len) return return_error(text("requester expects \"ACTOR-ID:PAYLOAD\""));
    HostResult reply;
    host_request(message.ptr, colon, message.ptr + colon + 1, message.len - colon - 1, &reply);
    if (reply.is_error) return return_state(some(concatenate(text("error: "), reply.payload)));
    return return_state(some(reply.payload));
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_state_and_reply(state, state);
}

ACCEPT_CHANNELS_KEEPING_STATE
