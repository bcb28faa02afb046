"""Runs every component fixture under wasmtime (its Python API) and checks the results,
so the fixtures are known to be correct components independently of this runtime.

Usage: python check-with-wasmtime.py FIXTURES_DIR   (Fixtures/build.sh runs it)
"""
import os
import sys

import wasmtime
from wasmtime import component as c

directory = sys.argv[1]
engine = wasmtime.Engine()


def instantiate(name, define):
    store = wasmtime.Store(engine)
    component = c.Component.from_file(engine, os.path.join(directory, name + ".wasm"))
    linker = c.Linker(engine)
    with linker.root() as root:
        define(root)
    return store, linker.instantiate(store, component)


def exported(store, instance, interface):
    index = instance.get_export_index(store, interface)

    def call(name, *arguments):
        function = instance.get_func(store, instance.get_export_index(store, name, index))
        return function(store, *arguments)
    return call


def record(**fields):
    value = c.Record()
    for key, field in fields.items():
        setattr(value, key, field)
    return value


def check_actor():
    logs, sends = [], []

    def define(root):
        with root.add_instance("theater:simple/runtime") as runtime:
            runtime.add_func("log", lambda store, message: logs.append(message))
        with root.add_instance("theater:simple/message-server-host") as host:
            host.add_func("send", lambda store, actor, message: sends.append((actor, bytes(message))))
    store, instance = instantiate("actor-counter", define)
    actor = exported(store, instance, "theater:simple/actor")
    client = exported(store, instance, "theater:simple/message-server-client")
    state = actor("init", None, ("actor-1",))[0]
    assert state == b"\0\0\0\0" and logs == ["init actor-1"], (state, logs)
    state = client("handle-send", state, (b"hello",))[0]
    assert state == b"\1\0\0\0" and logs[-1] == "hello"
    state, reply = client("handle-request", state, ("request-1", b"ping"))
    assert state == b"\2\0\0\0" and reply == (b"ping",)
    _, (accept,) = client("handle-channel-open", state, ("channel", b"x"))
    assert accept.accepted and accept.message is None
    assert client("handle-channel-message", state, ("actor-2", b"forward"))[0] == state
    assert sends == [("actor-2", b"forward")]
    assert client("handle-channel-close", state, ("channel",))[0] == state


def check_echo(name, forward):
    def define(root):
        if not forward:
            return
        with root.add_instance("test:echo/echo") as echo:
            for function in ECHO_FUNCTIONS:
                echo.add_func(function, lambda store, *values: values[0] if len(values) == 1 else values)
            echo.add_func("sum-many", lambda store, *values: sum(values))
            echo.add_func("post-return-count", lambda store: 42)
    store, instance = instantiate(name, define)
    call = exported(store, instance, "test:echo/echo")
    point = record(x=3, y=-4)
    for function, value in [
        ("echo-bool", True), ("echo-s8", -5), ("echo-u8", 250), ("echo-s16", -30000), ("echo-u16", 65000),
        ("echo-s32", -7), ("echo-u32", 4000000000), ("echo-s64", -2**62), ("echo-u64", 2**64 - 1),
        ("echo-f32", 1.5), ("echo-f64", -2.25), ("echo-char", "✓"), ("echo-string", "héllo ✓"),
        ("echo-name", "n"), ("echo-list-u8", b"\1\2"), ("echo-list-u32", [1, 2, 3]),
        ("echo-list-string", ["a", "bc", ""]), ("echo-tuple", (7, "tup", 2.5)), ("echo-color", "blue"),
        ("echo-permissions", {"read", "execute"}), ("echo-wide-flags", {"f0", "f19"}),
        ("echo-option", None), ("echo-option", 9), ("echo-option-string", "s"), ("echo-result", 5),
        ("echo-shape", 2.5), ("echo-shape", None),
    ]:
        result = call(function, value)
        assert result == value, (name, function, value, result)
    assert call("echo-point", point).y == -4
    person = call("echo-person", record(name="ann", age=33, tags=["x", "yz"]))
    assert (person.name, person.age, person.tags) == ("ann", 33, ["x", "yz"])
    assert call("echo-shape", point).x == 3
    assert call("echo-result-empty", c.Variant("err")).tag == "err"
    nested = call("echo-nested", [None, point])
    assert nested[0] is None and nested[1].x == 3
    assert call("sum-many", *range(1, 17), 2**40) == 136 + 2**40
    many = call("echo-many", 1, -2, 3, 4, 5.5, 6.5, "g", b"h", 9, point, "k", "last")
    assert many[:9] == (1, -2, 3, 4, 5.5, 6.5, "g", b"h", 9) and many[10:] == ("k", "last")
    expected_post_returns = 42 if forward else 2  # echo-string and echo-list-string
    assert call("post-return-count") == expected_post_returns


ECHO_FUNCTIONS = [
    "echo-bool", "echo-s8", "echo-u8", "echo-s16", "echo-u16", "echo-s32", "echo-u32", "echo-s64",
    "echo-u64", "echo-f32", "echo-f64", "echo-char", "echo-string", "echo-name", "echo-list-u8",
    "echo-list-u32", "echo-list-string", "echo-point", "echo-person", "echo-tuple", "echo-shape",
    "echo-color", "echo-permissions", "echo-wide-flags", "echo-option", "echo-option-string",
    "echo-result", "echo-result-empty", "echo-nested", "echo-many",
]


def check_strings(name, tagged_code_units):
    def define(root):
        with root.add_instance("host") as host:
            host.add_func("greeting", lambda store: "host says ✓ hé")
    store, instance = instantiate(name, define)
    call = exported(store, instance, "test:strings/text")
    assert call("echo", "héllo ✓ 😀") == "héllo ✓ 😀"
    assert call("greeting") == "héllo wörld"
    assert call("check-mark") == "✓ done"
    assert call("call-host") == "host says ✓ hé"
    assert call("code-units", "✓😀") == tagged_code_units


def check_resources():
    loggers, dropped = {}, []

    def define(root):
        with root.add_instance("test:resources/host-log") as host:
            host.add_resource("logger", c.ResourceType.host(7), lambda store, rep: dropped.append(rep))

            def construct(store, prefix):
                loggers[len(loggers) + 1] = [prefix, 0]
                return c.ResourceHost.own(len(loggers), 7)

            def log(store, logger, message):
                loggers[logger.to_host(store).rep][1] += 1
            host.add_func("[constructor]logger", construct)
            host.add_func("[method]logger.log", log)
            host.add_func("[method]logger.count", lambda store, logger: loggers[logger.to_host(store).rep][1])
    store, instance = instantiate("resources", define)
    call = exported(store, instance, "test:resources/counters")
    first = call("[constructor]counter", 5)
    second = call("[constructor]counter", 10)
    call("[method]counter.increment", first, 3)
    assert call("[method]counter.get", first) == 8
    merged = call("[static]counter.merge", first, second)
    assert call("[method]counter.get", merged) == 18 and call("live-count") == 3
    first.drop(store)
    assert call("live-count") == 2
    assert call("use-logger", "prefix", "hello") == 1 and dropped == [1]


def check_multi_instance():
    logs = []
    store, instance = instantiate("multi-instance", lambda root: root.add_func("log", lambda store, m: logs.append(m)))
    api = exported(store, instance, "test:multi/api")
    assert api("greet", "wörld") == "hello, wörld" and logs == ["wörld"]
    assert api("add", 2, 3) == 5
    assert exported(store, instance, "wrapped")("sum", 20, 22) == 42
    assert instance.get_func(store, "add")(store, 1, 1) == 2


def check_versioned_names():
    def define(root):
        with root.add_instance("test:versioned/host@1.2.3") as host:
            host.add_func("get", lambda store: 21)
    store, instance = instantiate("versioned-names", define)
    assert exported(store, instance, "test:versioned/api@1.2.3")("twice") == 42


def check_component_calls():
    store, instance = instantiate("component-calls", lambda root: None)
    assert instance.get_func(store, "quadruple")(store, 5) == 20
    assert instance.get_func(store, "describe")(store, "hey ✓") == "hey ✓!"


check_actor()
check_component_calls()
check_versioned_names()
check_echo("echo", forward=False)
check_echo("echo-forward", forward=True)
check_strings("strings-utf8", 7)
check_strings("strings-utf16", 3)
check_strings("strings-latin1", 3 | 1 << 31)
check_resources()
check_multi_instance()
print("component fixtures check out under wasmtime")
