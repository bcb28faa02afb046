/* ping-pong: two of these bounce a ball until its counter reaches 0, for tests of
 * actor-to-actor sends.
 *   state      8 little-endian bytes counting the balls received (a u64), then the actor's
 *              own id (UTF-8), which it signs its replies with.
 *   init       absent state: count 0. A state of at least 8 bytes keeps its count (a
 *              restarted actor continues); shorter states are refused with an error. The
 *              id part becomes params.0, the actor's id.
 *   send       "ping N PEER" or "pong N PEER" (N decimal, PEER an actor id): count + 1;
 *              then, when N > 0, sends "pong N-1 SELF" (for a ping) or "ping N-1 SELF"
 *              (for a pong) to PEER with message-server-host.send. A send error becomes
 *              the handler's error (state unchanged). Other messages: an error.
 *              So "ping N B" sent to A makes N+1 balls in all: A receives
 *              ceil((N+1)/2) of them, B floor((N+1)/2).
 *   request    state unchanged; replies with the count in decimal ASCII.
 *   channels   open: accepted, no message; messages and close leave the state unchanged.
 * Imports message-server-host.send. */
#include "actor-abi.h"

IMPORT_SEND

typedef struct {
    u64 count;
    Bytes own_id;
} Player;

static int read_player(OptionalBytes state, Player *player) {
    if (!state.is_some) {
        player->count = 0;
        player->own_id = make_bytes(0, 0);
        return 1;
    }
    if (state.bytes.len < 8) return 0;
    player->count = read_count(state.bytes);
    player->own_id = make_bytes(state.bytes.ptr + 8, state.bytes.len - 8);
    return 1;
}

static OptionalBytes player_state(Player player) {
    return some(concatenate(count_bytes(player.count), player.own_id));
}

static void *return_bad_state(void) {
    return return_error(text("the state of ping-pong is a little-endian u64 count and the actor's id"));
}

static void *on_init(OptionalBytes state, Bytes actor_id) {
    Player player;
    if (!read_player(state, &player)) return return_bad_state();
    player.own_id = actor_id;
    return return_state(player_state(player));
}

/** Splits "WORD N PEER" at its first two spaces. */
static int parse_ball(Bytes message, Bytes *word, u64 *n, Bytes *peer) {
    u32 first = 0;
    while (first < message.len && message.ptr[first] != ' ') first++;
    u32 second = first + 1;
    while (second < message.len && message.ptr[second] != ' ') second++;
    if (second >= message.len) return 0;
    *word = make_bytes(message.ptr, first);
    *peer = make_bytes(message.ptr + second + 1, message.len - second - 1);
    return peer->len > 0 && parse_decimal(make_bytes(message.ptr + first + 1, second - first - 1), n);
}

static void *on_send(OptionalBytes state, Bytes message) {
    Player player;
    if (!read_player(state, &player)) return return_bad_state();
    Bytes word, peer;
    u64 n;
    if (!parse_ball(message, &word, &n, &peer) || !(bytes_equal(word, "ping") || bytes_equal(word, "pong"))) {
        return return_error(text("ping-pong expects \"ping N PEER\" or \"pong N PEER\""));
    }
    player.count++;
    if (n > 0) {
        Bytes reply = concatenate(text(bytes_equal(word, "ping") ? "pong " : "ping "), decimal(n - 1));
        reply = concatenate(concatenate(reply, text(" ")), player.own_id);
        HostResult sent;
        host_send(peer.ptr, peer.len, reply.ptr, reply.len, &sent);
        if (sent.is_error) return return_error(sent.payload);
    }
    return return_state(player_state(player));
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    Player player;
    if (!read_player(state, &player)) return return_bad_state();
    return return_state_and_reply(state, some(decimal(player.count)));
}

ACCEPT_CHANNELS_KEEPING_STATE
