import WasmInterp
#if canImport(Glibc)
import Glibc
#endif

// The cost of entering and leaving an execution: one reused `Execution` calls a function of
// a few instructions again and again (`reset` + `run(fuel:)`), as the actor system's
// canonical ABI helper calls do. Prints nanoseconds per call (median of 7 rounds); run under
// `perf stat -e instructions` for instructions per call.
//
// (module (memory 1) (func (export "realloc") (param i32 i32 i32 i32) (result i32)
//   (i32.add (local.get 0) (local.get 3))))
let bytes: [UInt8] = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x09, 0x01, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00,
    0x05, 0x03, 0x01, 0x00, 0x01,
    0x07, 0x0b, 0x01, 0x07, 0x72, 0x65, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x00,
    0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x03, 0x6a, 0x0b,
]

let calls = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
var configuration = StoreConfiguration()
configuration.fuelMetering = true
let store = Store(configuration: configuration)
let instance = try store.instantiate(Module(bytes: bytes))
guard let function = instance.exportedFunction("realloc") else { fatalError("no export") }
let arguments: [Value] = [.i32(0), .i32(0), .i32(8), .i32(64)]
let execution = try Execution(store: store, function: function, arguments: arguments)
_ = try execution.complete(fuel: 1_000_000)

func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

var rounds: [Double] = []
var checksum: UInt32 = 0
for _ in 0..<7 {
    let start = now()
    for _ in 0..<calls {
        try execution.reset(function: function, arguments: arguments)
        guard case .i32(let result) = try execution.complete(fuel: 1_000_000)[0] else { fatalError("bad result") }
        checksum &+= result
    }
    rounds.append(Double(now() - start) / Double(calls))
}
rounds.sort()
print("entry cost: \(rounds[3]) ns per reset + complete (median of 7 x \(calls) calls; checksum \(checksum))")
