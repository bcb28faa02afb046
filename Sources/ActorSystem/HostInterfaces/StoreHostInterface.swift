import ComponentModel

/// `theater:simple/store`: the system's `ContentStore` (content by SHA-256, labels).
/// Failures are `err` results with the store's message, never crashes.
enum StoreHostInterface {
    static let name = HostInterfaceName.store.rawValue

    static func define(in imports: inout ComponentImports, host: ActorHost) {
        let reference = ContentReference.componentType
        let storeID = ("store-id", ComponentValueType.string)
        let label = ("label", ComponentValueType.string)
        let contentRef = ("content-ref", reference)
        let content = ("content", WITType.bytes)

        define(&imports, host, "new", [], WITType.result(.string)) { store, _ in
            .string(try store.createStore())
        }
        define(&imports, host, "store", [storeID, content], WITType.result(reference)) { store, arguments in
            try store.store(try arguments.bytesArgument(1), in: try arguments.stringArgument(0)).componentValue()
        }
        define(&imports, host, "get", [storeID, contentRef], WITType.result(WITType.bytes)) { store, arguments in
            .bytes(try store.content(for: try arguments.referenceArgument(1), in: try arguments.stringArgument(0)))
        }
        define(&imports, host, "exists", [storeID, contentRef], WITType.result(.bool)) { store, arguments in
            .bool(try store.contains(try arguments.referenceArgument(1), in: try arguments.stringArgument(0)))
        }
        define(&imports, host, "label", [storeID, label, contentRef], WITType.unitResult) { store, arguments in
            try store.setLabel(
                try arguments.stringArgument(1), to: try arguments.referenceArgument(2), in: try arguments.stringArgument(0))
            return nil
        }
        define(&imports, host, "get-by-label", [storeID, label], WITType.result(.option(reference))) {
            store, arguments in
            let found = try store.reference(forLabel: try arguments.stringArgument(1), in: try arguments.stringArgument(0))
            return .option(found?.componentValue())
        }
        define(&imports, host, "remove-label", [storeID, label], WITType.unitResult) { store, arguments in
            try store.removeLabel(try arguments.stringArgument(1), in: try arguments.stringArgument(0))
            return nil
        }
        define(&imports, host, "store-at-label", [storeID, label, content], WITType.result(reference)) {
            store, arguments in
            try store.store(
                try arguments.bytesArgument(2), atLabel: try arguments.stringArgument(1), in: try arguments.stringArgument(0)
            ).componentValue()
        }
        define(&imports, host, "replace-content-at-label", [storeID, label, content], WITType.result(reference)) {
            store, arguments in
            try store.replaceContent(
                atLabel: try arguments.stringArgument(1), with: try arguments.bytesArgument(2),
                in: try arguments.stringArgument(0)
            ).componentValue()
        }
        define(&imports, host, "list-labels", [storeID], WITType.result(.list(.string))) { store, arguments in
            .list(try store.labels(in: try arguments.stringArgument(0)).map { .string($0) })
        }
    }

    /// Defines a store function: `body` returns the `ok` payload or throws for `err`.
    private static func define(
        _ imports: inout ComponentImports, _ host: ActorHost, _ function: String,
        _ parameters: [(String, ComponentValueType)], _ result: ComponentValueType,
        _ body: @escaping @Sendable (ContentStore, HostArguments) throws -> ComponentValue?
    ) {
        imports.define(interface: name, function: function, type: WITType.function(parameters, result), suspending: { arguments in
            host.with(.error("the actor system is gone")) { system, cell in
                let values = HostArguments(arguments)
                let outcome: ComponentValue
                do {
                    outcome = .ok(try body(system.configuration.contentStore, values))
                } catch {
                    outcome = .error(.string("\(error)"))
                }
                system.recordHostCall(cell, name, function, input: HostCallEncoding.bytes(arguments), output: [outcome])
                return .value(outcome)
            }
        })
    }
}

/// A host function received an argument of the wrong type (which linking with the WIT
/// types prevents).
struct HostArgumentError: Error, CustomStringConvertible {
    var description: String
}

extension HostArguments {
    fileprivate func stringArgument(_ index: Int) throws -> String {
        guard let text = string(index) else { throw HostArgumentError(description: "argument \(index) is not a string") }
        return text
    }

    fileprivate func bytesArgument(_ index: Int) throws -> [UInt8] {
        guard let bytes = bytes(index) else { throw HostArgumentError(description: "argument \(index) is not a list<u8>") }
        return bytes
    }

    fileprivate func referenceArgument(_ index: Int) throws -> ContentReference {
        guard index < values.count else { throw HostArgumentError(description: "missing content-ref") }
        return try ContentReference(componentValue: values[index])
    }
}
