import ComponentModel
import Foundation

/// `theater component call FILE.wasm --calls CALLS.json [--fuel N]`: calls a component's exports as a
/// JSON file lists them, with stub imports (`StubHostImports`), and prints one JSON line
/// per action. Made for differential testing (`Utilities/component-differential/run.py`).
///
/// The file is `{"sessions": [[ACTION, ...], ...]}`; each session runs on a new instance.
/// An action is `{"call": {"interface": NAME-or-null, "name": NAME, "arguments": [...]}}`
/// or `{"drop": K}` (drop handle K, the K-th resource results of the session returned).
/// Each prints `{"session": S, "action": A, "result": V}` (or `"trap": MESSAGE`,
/// `"out-of-fuel": true` when the call used up its `--fuel`, or `"error": MESSAGE` when
/// the action itself is wrong) with `"host": [EVENT, ...]`, the
/// import calls and host resource drops it caused. Values are spelled as
/// `ComponentValueJSON` says.
enum ComponentCallCommand {
    struct CallsFile: Decodable {
        var sessions: [[Action]]
    }

    struct Action: Decodable {
        var call: Call?
        var drop: Int?
    }

    struct Call: Decodable {
        var interface: String?
        var name: String
        var arguments: [JSONValue]
    }

    struct Options {
        var component: String
        var calls: String
        /// Fuel for each call (nil: unlimited).
        var fuel: UInt64?
    }

    static func parse(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> Options {
        var component: String?
        var calls: String?
        var fuel: UInt64?
        while let token = cursor.next() {
            switch token {
            case "--calls": calls = try cursor.value(of: token)
            case "--fuel": fuel = try cursor.count(of: token)
            case "--help": throw .helpRequested
            case _ where token.isOption: throw .usage("unknown option \(token) for component call")
            case _ where component == nil: component = token
            default: throw .usage("unexpected argument \"\(token)\"")
            }
        }
        guard let component, let calls else { throw .usage("component call needs FILE.wasm and --calls CALLS.json") }
        return Options(component: component, calls: calls, fuel: fuel)
    }

    static func run(_ options: Options, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let (path, callsPath) = (options.component, options.calls)
        let component: LoadedComponent
        do {
            component = try LoadedComponent(bytes: ModuleFile.read(path))
        } catch let error as CommandLineError {
            throw error
        } catch {
            throw .failure("\(path): \(error)")
        }
        let calls: CallsFile
        do {
            calls = try JSONDecoder().decode(CallsFile.self, from: Data(ModuleFile.read(callsPath)))
        } catch let error as CommandLineError {
            throw error
        } catch {
            throw .failure("\(callsPath): \(error)")
        }
        for (sessionIndex, actions) in calls.sessions.enumerated() {
            let host = StubHostImports()
            let handles = SessionHandles()
            let instance: Result<ComponentInstance, any Error> = Result {
                try component.instantiate(imports: host.imports(for: component))
            }
            for (actionIndex, action) in actions.enumerated() {
                var line: [(String, String)] = [("session", String(sessionIndex)), ("action", String(actionIndex))]
                do {
                    line.append(try perform(action, on: instance.get(), handles: handles, fuel: options.fuel))
                } catch let error as CommandLineError {
                    line.append(("error", JSONText.quoted(message(error))))
                } catch let error as ComponentLinkError {
                    // Instantiation failed, or the component has no such export.
                    line.append(("error", JSONText.quoted("\(error)")))
                } catch {
                    line.append(("trap", JSONText.quoted("\(error)")))
                }
                line.append(("host", JSONText.array(host.takeEvents())))
                output.printLine(JSONText.object(line))
            }
        }
        return ExitStatus.success
    }

    /// Runs one action; what it produced, as a member of its output line.
    private static func perform(
        _ action: Action, on instance: ComponentInstance, handles: SessionHandles, fuel: UInt64?
    ) throws -> (String, String) {
        if let number = action.drop {
            let resource = try handles.resource(number)
            try instance.drop(resource, representation: try handles.take(number, of: resource))
            return ("result", "null")
        }
        guard let call = action.call else { throw CommandLineError.failure("an action is {\"call\": ...} or {\"drop\": K}") }
        let function = try call.interface.map { interface throws(ComponentLinkError) in
            try instance.function(interface: interface, name: call.name)
        } ?? instance.function(named: call.name)
        let type = function.type
        guard call.arguments.count == type.parameterTypes.count else {
            throw CommandLineError.failure("\(call.name) takes \(type.parameterTypes.count) arguments, \(call.arguments.count) given")
        }
        var arguments: [ComponentValue] = []
        for (argument, parameterType) in zip(call.arguments, type.parameterTypes) {
            arguments.append(try ComponentValueJSON.value(argument, parameterType, handles))
        }
        guard let result = try invoke(function, arguments, fuel: fuel) else { return ("out-of-fuel", "true") }
        guard let resultType = type.result, let result else { return ("result", "null") }
        return ("result", try ComponentValueJSON.text(result, resultType, .handles(handles)))
    }

    /// Calls `function` with `fuel`; nil when it ran out (the instance cannot be entered
    /// again). A function the component re-exports from the host runs without fuel.
    private static func invoke(_ function: ComponentFunction, _ arguments: [ComponentValue], fuel: UInt64?) throws -> ComponentValue?? {
        let call: GuestCall<ComponentValue?>
        do {
            call = try function.makeCall(arguments)
        } catch ComponentCallError.notResumable {
            return .some(try function.call(arguments))
        }
        switch call.start(fuel: fuel) {
        case .returned(let result):
            return .some(result)
        case .trapped(let error):
            throw error
        case .outOfFuel:
            call.abandon()
            return nil
        case .suspended:
            call.abandon()
            throw CommandLineError.failure("a stub import suspended the call")
        }
    }

    private static func message(_ error: CommandLineError) -> String {
        switch error {
        case .usage(let message), .failure(let message): return message
        case .helpRequested: return "help requested"
        }
    }
}
