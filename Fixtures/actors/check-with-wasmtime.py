"""Runs every actor fixture under wasmtime (its Python API) and checks the behaviour each
source file documents, so the fixtures are known to be correct components independently
of this runtime.

Usage: python check-with-wasmtime.py ACTORS_DIR   (Fixtures/build.sh runs it)
"""
import os
import struct
import sys

import wasmtime
from wasmtime import component as c

directory = sys.argv[1]
ACTOR = "theater:simple/actor"
CLIENT = "theater:simple/message-server-client"
HOST = "theater:simple/message-server-host"


class Actor:
    """One instance of an actor fixture, with the host's imports recorded."""

    def __init__(self, name, fuel=None, memory_bytes=None, request=None, send=None, send_on_channel=None):
        config = wasmtime.Config()
        if fuel is not None:
            config.consume_fuel = True
        engine = wasmtime.Engine(config)
        self.store = wasmtime.Store(engine)
        if fuel is not None:
            self.store.set_fuel(fuel)
        if memory_bytes is not None:
            self.store.set_limits(memory_size=memory_bytes)
        self.logs, self.sends, self.requests, self.channel_sends = [], [], [], []
        component = c.Component.from_file(engine, os.path.join(directory, name + ".wasm"))
        linker = c.Linker(engine)
        # Every import an actor may use; wasmtime ignores those the component does not import.
        with linker.root() as root:
            with root.add_instance("theater:simple/runtime") as runtime:
                runtime.add_func("log", lambda store, message: self.logs.append(message))
            with root.add_instance(HOST) as host:
                host.add_func("send", lambda store, actor, message: self._record(
                    self.sends, (actor, bytes(message)), send))
                host.add_func("request", lambda store, actor, message: self._record(
                    self.requests, (actor, bytes(message)), request))
                host.add_func("send-on-channel", lambda store, channel, message: self._record(
                    self.channel_sends, (channel, bytes(message)), send_on_channel))
        self.instance = linker.instantiate(self.store, component)

    @staticmethod
    def _record(calls, call, answer):
        calls.append(call)
        return answer(*call) if answer else None

    def call(self, interface, name, *arguments):
        index = self.instance.get_export_index(self.store, interface)
        function = self.instance.get_func(self.store, self.instance.get_export_index(self.store, name, index))
        return function(self.store, *arguments)

    def init(self, state, actor_id="actor-1"):
        return self.call(ACTOR, "init", state, (actor_id,))

    def send(self, state, message):
        return self.call(CLIENT, "handle-send", state, (message,))

    def request(self, state, message):
        return self.call(CLIENT, "handle-request", state, ("request-1", message))


def count(n):
    return struct.pack("<Q", n)


def expect_trap(action, what):
    try:
        action()
    except (wasmtime.Trap, wasmtime.WasmtimeError) as error:
        return str(error)
    raise AssertionError(f"{what} did not trap")


def check_counter():
    actor = Actor("counter")
    state = actor.init(None)[0]
    assert state == count(0), state
    for _ in range(3):
        state = actor.send(state, b"anything")[0]
    assert state == count(3)
    state, reply = actor.request(state, b"?")
    assert (state, reply) == (count(3), (b"3",)), (state, reply)
    _, (accept,) = actor.call(CLIENT, "handle-channel-open", state, ("channel-1", b"hi"))
    assert accept.accepted and accept.message is None
    state = actor.call(CLIENT, "handle-channel-message", state, ("channel-1", b"x"))[0]
    assert actor.call(CLIENT, "handle-channel-close", state, ("channel-1",))[0] == count(4)
    assert actor.init(count(2**64 - 1))[0] == count(2**64 - 1)
    assert actor.request(count(12345678901234), b"")[1] == (b"12345678901234",)
    assert "8 bytes" in actor.init(b"short"), "a malformed state is refused"
    assert "8 bytes" in actor.send(b"short", b"x")
    # Many calls: the heap is reused, so memory does not grow.
    for _ in range(2000):
        state = actor.send(state, b"x" * 1000)[0]
    assert state == count(2004)


def check_echo():
    channel_errors = {}
    actor = Actor("echo", send_on_channel=lambda channel, message: channel_errors.get(channel))
    assert actor.init(None) == (None,)
    assert actor.init(b"kept")[0] == b"kept"
    assert actor.send(b"kept", b"hello \xe2\x9c\x93")[0] == b"kept"
    assert actor.send(None, b"\xff\xfe")[0] is None
    assert actor.send(None, b"\xed\xa0\x80")[0] is None  # a UTF-16 surrogate is not UTF-8
    assert actor.logs == ["hello ✓", "echo: 2 bytes of binary", "echo: 3 bytes of binary"], actor.logs
    assert actor.request(b"s", b"\x00\x01binary") == (b"s", (b"\x00\x01binary",))
    _, (accept,) = actor.call(CLIENT, "handle-channel-open", None, ("channel-1", b"hello"))
    assert accept.accepted and accept.message == b"hello"
    assert actor.call(CLIENT, "handle-channel-message", b"s", ("channel-1", b"back"))[0] == b"s"
    assert actor.channel_sends == [("channel-1", b"back")]
    channel_errors["closed"] = "channel closed"
    assert actor.call(CLIENT, "handle-channel-message", b"s", ("closed", b"x")) == "channel closed"


def check_ping_pong():
    peer_errors = {}
    actor = Actor("ping-pong", send=lambda peer, message: peer_errors.get(peer))
    state = actor.init(None, "actor-a")[0]
    assert state == count(0) + b"actor-a"
    state = actor.send(state, b"ping 3 actor-b")[0]
    assert state == count(1) + b"actor-a" and actor.sends == [("actor-b", b"pong 2 actor-a")]
    state = actor.send(state, b"pong 1 actor-b")[0]
    assert actor.sends[-1] == ("actor-b", b"ping 0 actor-a")
    state = actor.send(state, b"ping 0 actor-b")[0]
    assert state == count(3) + b"actor-a" and len(actor.sends) == 2, "a ball at 0 is not returned"
    assert actor.request(state, b"")[1] == (b"3",)
    assert actor.init(count(7) + b"old-id", "new-id")[0] == count(7) + b"new-id"
    assert "ping N PEER" in actor.send(state, b"ping x actor-b")
    assert "ping N PEER" in actor.send(state, b"ping 3")
    assert "ping N PEER" in actor.send(state, b"pang 3 actor-b")
    assert "count" in actor.init(b"short")
    peer_errors["gone"] = "no actor gone"
    assert actor.send(state, b"ping 5 gone") == "no actor gone"


def check_ping_pong_pair():
    """Two instances passing the ball through a host queue, as an actor system would."""
    mailboxes = {"a": [], "b": []}

    def deliver(peer, message):
        mailboxes[peer].append(message)

    players = {name: Actor("ping-pong", send=deliver) for name in mailboxes}
    states = {name: players[name].init(None, name)[0] for name in mailboxes}
    mailboxes["a"].append(b"ping 10 b")
    while any(mailboxes.values()):
        for name, mailbox in mailboxes.items():
            while mailbox:
                states[name] = players[name].send(states[name], mailbox.pop(0))[0]
    assert states["a"][:8] == count(6) and states["b"][:8] == count(5), states


def check_requester():
    replies = {"actor-2": b"reply bytes", "missing": "no such actor"}
    actor = Actor("requester", request=lambda peer, message: replies[peer])
    assert actor.init(None) == (None,)
    assert actor.request(None, b"") == (None, (None,))
    state = actor.send(None, b"actor-2:payload:with colon")[0]
    assert state == b"reply bytes" and actor.requests == [("actor-2", b"payload:with colon")]
    assert actor.request(state, b"") == (b"reply bytes", (b"reply bytes",))
    assert actor.send(state, b"missing:x")[0] == b"error: no such actor"
    assert "ACTOR-ID:PAYLOAD" in actor.send(state, b"no colon")
    assert actor.send(None, b"actor-2:")[0] == b"reply bytes" and actor.requests[-1] == ("actor-2", b"")


def check_spinner():
    actor = Actor("spinner", fuel=10_000_000)
    assert actor.init(b"s")[0] == b"s"
    assert actor.request(None, b"alive") == (None, (b"alive",))
    message = expect_trap(lambda: actor.send(None, b"go"), "spinner's handle-send")
    assert "fuel" in message, message
    spinning_init = Actor("spinner", fuel=1_000_000)
    assert "fuel" in expect_trap(lambda: spinning_init.init(b"spin"), "spinner's init with \"spin\"")


def check_greedy_allocator():
    limit_pages = 8
    actor = Actor("greedy-allocator", memory_bytes=limit_pages * 65536)
    assert actor.init(None) == (None,)
    assert actor.request(None, b"2") == (None, (b"grew to 3",))
    assert actor.request(None, b"100") == (None, (b"failed at 3",))
    assert "page count" in actor.request(None, b"lots")
    assert "unreachable" in expect_trap(lambda: actor.send(None, b"x"), "greedy-allocator's handle-send")
    unlimited = Actor("greedy-allocator")
    assert unlimited.request(None, b"65536") == (None, (b"failed at 1",))


def check_trapper():
    actor = Actor("trapper")
    state = actor.init(None)[0]
    state = actor.send(state, b"ok")[0]
    assert state == count(1)
    assert actor.request(state, b"how many") == (count(1), (b"1",))
    assert actor.send(state, b"fail") == "trapper refused the message"
    assert actor.request(state, b"fail") == "trapper refused the request"
    for message in [b"trap", b"\xffanything"]:
        doomed = Actor("trapper")
        assert "unreachable" in expect_trap(lambda: doomed.send(None, message), f"send {message!r}")
    doomed = Actor("trapper")
    assert "unreachable" in expect_trap(lambda: doomed.request(None, b"trap"), "request trap")
    doomed = Actor("trapper")
    assert "unreachable" in expect_trap(lambda: doomed.init(b"trap"), "init with \"trap\"")
    doomed = Actor("trapper")
    assert "unreachable" in expect_trap(
        lambda: doomed.call(CLIENT, "handle-channel-message", None, ("c", b"trap")), "channel message trap")


def check_noop():
    actor = Actor("noop")
    assert actor.init(None) == (None,)
    state = actor.init(count(7))[0]
    assert state == count(7)
    for _ in range(1000):
        assert actor.send(state, b"x" * 100) == (state,)
    assert actor.request(state, b"echo") == (state, (b"echo",))
    _, (accept,) = actor.call(CLIENT, "handle-channel-open", state, ("channel-1", b"hi"))
    assert accept.accepted and accept.message is None
    assert actor.call(CLIENT, "handle-channel-message", state, ("channel-1", b"x"))[0] == state
    assert actor.call(CLIENT, "handle-channel-close", state, ("channel-1",))[0] == state


def check_minimal():
    actor = Actor("minimal")
    assert actor.init(None) == (None,)
    assert actor.init(b"\x00state") == (b"\x00state",)
    for _ in range(1000):
        assert actor.init(b"x" * 5000) == (b"x" * 5000,)


check_counter()
check_echo()
check_ping_pong()
check_ping_pong_pair()
check_requester()
check_spinner()
check_greedy_allocator()
check_trapper()
check_noop()
check_minimal()
print("actor fixtures check out under wasmtime")
