/* echo: answers with what it receives; keeps its state exactly as given (absent stays
 * absent), so it also shows that a state survives init and every handler unchanged.
 *   init       ok(state).
 *   send       logs the message with runtime.log when it is valid UTF-8, otherwise logs
 *              "echo: N bytes of binary" (a string must be UTF-8 to cross the ABI).
 *   request    replies with the message bytes unchanged.
 *   channels   open: accepted, with the initial message echoed as the accept message;
 *              each channel message is sent back on the same channel with
 *              message-server-host.send-on-channel (its error, if any, becomes the
 *              handler's error); close: state unchanged.
 *              Two echo actors on one channel would echo forever.
 * Imports runtime.log, message-server-host.send-on-channel. */
#include "actor-abi.h"

IMPORT_LOG
IMPORT_SEND_ON_CHANNEL

/** Whether `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
static int is_utf8(Bytes text) {
    u32 i = 0;
    while (i < text.len) {
        u8 lead = text.ptr[i];
        u32 continuation;
        u8 low = 0x80, high = 0xBF; /* bounds of the first continuation byte */
        if (lead < 0x80) {
            i++;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return 0;
        }
        if (text.len - i <= continuation) return 0;
        for (u32 k = 1; k <= continuation; k++) {
            u8 byte = text.ptr[i + k];
            if (byte < low || byte > high) return 0;
            low = 0x80;
            high = 0xBF;
        }
        i += continuation + 1;
    }
    return 1;
}

static void *on_init(OptionalBytes state, Bytes actor_id) {
    return return_state(state);
}

static void *on_send(OptionalBytes state, Bytes message) {
    if (is_utf8(message)) {
        host_log(message.ptr, message.len);
    } else {
        Bytes line = concatenate(concatenate(text("echo: "), decimal(message.len)), text(" bytes of binary"));
        host_log(line.ptr, line.len);
    }
    return return_state(state);
}

static void *on_request(OptionalBytes state, Bytes request_id, Bytes message) {
    return return_state_and_reply(state, some(message));
}

static void *on_channel_open(OptionalBytes state, Bytes channel_id, Bytes message) {
    return return_state_and_accept(state, 1, some(message));
}

static void *on_channel_message(OptionalBytes state, Bytes channel_id, Bytes message) {
    HostResult sent;
    host_send_on_channel(channel_id.ptr, channel_id.len, message.ptr, message.len, &sent);
    if (sent.is_error) return return_error(sent.payload);
    return return_state(state);
}

static void *on_channel_close(OptionalBytes state, Bytes channel_id) {
    return return_state(state);
}
