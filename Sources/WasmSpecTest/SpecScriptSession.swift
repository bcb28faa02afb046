import Foundation
import WasmInterp

/// Runs the commands of one script in order, keeping what they build up: the store, the
/// current and the named module instances, and the modules registered for import.
final class SpecScriptSession {
    enum Outcome {
        case passed
        case failed(String)
        case skipped
    }

    private let directory: URL
    private let fuelPerInvocation: UInt64
    private let runsSIMD: Bool
    private let store: Store
    private var imports = Imports()
    private var currentInstance: ModuleInstance?
    private var namedInstances: [String: ModuleInstance] = [:]
    /// Set when the session could not be set up; every command then fails with it.
    private var setupFailure: String?

    init(directory: URL, configuration: StoreConfiguration, fuelPerInvocation: UInt64, runsSIMD: Bool) {
        self.directory = directory
        self.fuelPerInvocation = fuelPerInvocation
        self.runsSIMD = runsSIMD
        store = Store(configuration: configuration)
        do {
            imports = try SpectestModule.imports(for: store)
        } catch {
            setupFailure = "could not create the spectest module: \(error)"
        }
    }

    func run(_ command: SpecCommand) -> Outcome {
        if let setupFailure { return .failed(setupFailure) }
        if !runsSIMD && command.involvesVectors { return .skipped }
        do {
            return try execute(command)
        } catch let failure as SpecCommandFailure {
            return .failed(failure.description)
        } catch {
            return .failed("unexpected error: \(error)")
        }
    }

    private func execute(_ command: SpecCommand) throws -> Outcome {
        switch command.type {
        case "module": return try defineModule(command)
        case "register": return try register(command)
        case "action": return try performAction(command)
        case "assert_return": return try assertReturn(command)
        case "assert_trap": return try assertTrap(command)
        case "assert_exhaustion": return try assertExhaustion(command)
        case "assert_invalid": return try assertInvalid(command)
        case "assert_malformed": return try assertMalformed(command)
        case "assert_uninstantiable": return try assertUninstantiable(command)
        case "assert_unlinkable": return try assertUnlinkable(command)
        default: throw SpecCommandFailure("unknown command type \(command.type)")
        }
    }

    // MARK: - Modules

    private func defineModule(_ command: SpecCommand) throws -> Outcome {
        guard let bytes = try moduleBytes(command) else {
            // Later commands must not silently run against the previous module.
            currentInstance = nil
            return .skipped
        }
        currentInstance = nil
        let module = try decode(bytes)
        let instance = try instantiate(module)
        currentInstance = instance
        if let name = command.name { namedInstances[name] = instance }
        return .passed
    }

    private func register(_ command: SpecCommand) throws -> Outcome {
        guard let registeredAs = command.registeredAs else { throw SpecCommandFailure("register without a name") }
        let instance = try resolveInstance(named: command.name)
        imports.define(module: registeredAs, exportsOf: instance)
        return .passed
    }

    private func assertInvalid(_ command: SpecCommand) throws -> Outcome {
        guard let bytes = try moduleBytes(command) else { return .skipped }
        let module: Module
        do {
            module = try Module(bytes: bytes)
        } catch {
            throw SpecCommandFailure("expected an invalid module (\(command.expectedText)), but decoding failed: \(error)")
        }
        do {
            try ModuleValidator.validate(module)
        } catch {
            return .passed
        }
        throw SpecCommandFailure("expected an invalid module (\(command.expectedText)), but it validated")
    }

    private func assertMalformed(_ command: SpecCommand) throws -> Outcome {
        guard let bytes = try moduleBytes(command) else { return .skipped }
        do {
            _ = try Module(bytes: bytes)
        } catch {
            return .passed
        }
        throw SpecCommandFailure("expected a malformed module (\(command.expectedText)), but it decoded")
    }

    private func assertUninstantiable(_ command: SpecCommand) throws -> Outcome {
        guard let bytes = try moduleBytes(command) else { return .skipped }
        let module = try decode(bytes)
        return try expectTrap(command) { _ = try self.store.instantiate(module, imports: self.imports) }
    }

    private func assertUnlinkable(_ command: SpecCommand) throws -> Outcome {
        guard let bytes = try moduleBytes(command) else { return .skipped }
        let module = try decode(bytes)
        do {
            _ = try store.instantiate(module, imports: imports)
        } catch is LinkError {
            return .passed
        } catch {
            throw SpecCommandFailure("expected a link error (\(command.expectedText)), got: \(error)")
        }
        throw SpecCommandFailure("expected a link error (\(command.expectedText)), but instantiation succeeded")
    }

    /// The binary the command names, or nil for a text module (which needs a text parser).
    private func moduleBytes(_ command: SpecCommand) throws -> [UInt8]? {
        let filename: String
        if command.moduleType == "text" {
            guard let binaryFilename = command.binaryFilename else { return nil }
            filename = binaryFilename
        } else {
            guard let binaryFilename = command.filename else { throw SpecCommandFailure("command names no module file") }
            filename = binaryFilename
        }
        let url = directory.appendingPathComponent(filename)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SpecCommandFailure("cannot read \(filename)")
        }
        return [UInt8](data)
    }

    private func decode(_ bytes: [UInt8]) throws -> Module {
        do {
            return try Module(bytes: bytes)
        } catch {
            throw SpecCommandFailure("\(error)")
        }
    }

    private func instantiate(_ module: Module) throws -> ModuleInstance {
        do {
            return try store.instantiate(module, imports: imports)
        } catch {
            throw SpecCommandFailure("instantiation failed: \(error)")
        }
    }

    // MARK: - Actions

    private func performAction(_ command: SpecCommand) throws -> Outcome {
        _ = try perform(command.requiredAction())
        return .passed
    }

    private func assertReturn(_ command: SpecCommand) throws -> Outcome {
        let action = try command.requiredAction()
        let expected = try (command.expected ?? []).map { value in try value.expectation().get() }
        let actual = try perform(action)
        guard actual.count == expected.count, zip(expected, actual).allSatisfy({ $0.matches($1) }) else {
            let wanted = expected.map(\.description).joined(separator: ", ")
            let got = actual.map(describe).joined(separator: ", ")
            throw SpecCommandFailure("\(action.field): expected [\(wanted)], got [\(got)]")
        }
        return .passed
    }

    private func assertTrap(_ command: SpecCommand) throws -> Outcome {
        if let action = command.action {
            return try expectTrap(command) { _ = try self.perform(action) }
        }
        // The module form: instantiation (a segment or the start function) must trap.
        guard let bytes = try moduleBytes(command) else { return .skipped }
        let module = try decode(bytes)
        return try expectTrap(command) { _ = try self.store.instantiate(module, imports: self.imports) }
    }

    private func assertExhaustion(_ command: SpecCommand) throws -> Outcome {
        let action = try command.requiredAction()
        do {
            _ = try perform(action)
        } catch let trap as Trap where trap.reason == .callStackExhausted {
            return .passed
        } catch {
            throw SpecCommandFailure("\(action.field): expected call stack exhaustion, got: \(error)")
        }
        throw SpecCommandFailure("\(action.field): expected call stack exhaustion, but it returned")
    }

    /// Runs `body`, which must trap with the command's expected message.
    private func expectTrap(_ command: SpecCommand, _ body: () throws -> Void) throws -> Outcome {
        let expected = command.expectedText
        do {
            try body()
        } catch let trap as Trap {
            let actual = trap.reason.description
            // The suite sometimes adds detail ("uninitialized element 2").
            if expected.contains(actual) || actual.contains(expected) {
                return .passed
            }
            throw SpecCommandFailure("expected trap \"\(expected)\", got trap \"\(actual)\"")
        } catch {
            throw SpecCommandFailure("expected trap \"\(expected)\", got: \(error)")
        }
        throw SpecCommandFailure("expected trap \"\(expected)\", but it succeeded")
    }

    /// Invokes a function or reads a global. A trap is rethrown as is; running out of fuel
    /// (an interpreter stuck in a loop) is a failure.
    private func perform(_ action: SpecAction) throws -> [Value] {
        let instance = try resolveInstance(named: action.module)
        switch action.type {
        case "invoke":
            guard let function = instance.exportedFunction(action.field) else {
                throw SpecCommandFailure("no exported function \"\(action.field)\"")
            }
            let arguments = try (action.args ?? []).map { try $0.argument() }
            let execution = try Execution(store: store, function: function, arguments: arguments)
            switch execution.run(fuel: fuelPerInvocation) {
            case .returned(let results): return results
            case .trapped(let trap): throw trap
            case .outOfFuel: throw SpecCommandFailure("\(action.field): out of fuel after \(fuelPerInvocation) units")
            case .suspended: throw SpecCommandFailure("\(action.field): a host function suspended the call")
            }
        case "get":
            guard case .global(let global)? = instance.export(action.field) else {
                throw SpecCommandFailure("no exported global \"\(action.field)\"")
            }
            return [global.value]
        default:
            throw SpecCommandFailure("unknown action type \(action.type)")
        }
    }

    private func resolveInstance(named name: String?) throws -> ModuleInstance {
        if let name {
            guard let instance = namedInstances[name] else { throw SpecCommandFailure("no module named \(name)") }
            return instance
        }
        guard let currentInstance else { throw SpecCommandFailure("no current module") }
        return currentInstance
    }
}

extension SpecCommand {
    /// Whether the command passes or expects a v128 value.
    var involvesVectors: Bool {
        let values = (action?.args ?? []) + (expected ?? [])
        return values.contains { $0.isVector }
    }

    var expectedText: String { text ?? "" }

    func requiredAction() throws -> SpecAction {
        guard let action else { throw SpecCommandFailure("\(type) without an action") }
        return action
    }
}
