/// What the host provides for a component's imports: Swift implementations of imported
/// functions (by interface and function name, or by name for world-level functions) and
/// destructors for imported resources.
///
/// ```swift
/// var imports = ComponentImports()
/// imports.define(interface: "theater:simple/runtime", function: "log") { arguments in
///     if case .string(let message)? = arguments.first { print(message) }
///     return []
/// }
/// let instance = try LoadedComponent(bytes: bytes).instantiate(imports: imports)
/// ```
///
/// An interface name matches an import with or without a version: a definition for
/// `wasi:cli/exit` serves an import of `wasi:cli/exit@0.2.0` (an exact match wins).
public struct ComponentImports: Sendable {
    /// A host function: the implementation and, optionally, the type it was written for.
    struct FunctionDefinition: Sendable {
        var type: ComponentFunctionType?
        var body: Body

        enum Body: Sendable {
            /// Receives the arguments as dynamic values.
            case values(@Sendable ([ComponentValue]) throws -> HostCallResult)
            /// Reads the arguments itself, straight from the calling guest.
            case typed(@Sendable (inout HostCallArguments) throws -> HostCallResult)
        }
    }

    private var functions: [DefinitionKey: FunctionDefinition] = [:]
    private var resources: [DefinitionKey: ResourceDestructorBody] = [:]

    /// Called with the representation the host gave a resource when the guest drops its
    /// last owned handle.
    public typealias ResourceDestructorBody = @Sendable (_ representation: UInt32) throws -> Void

    public init() {}

    /// Defines function `function` of interface `interface` (nil: a world-level function).
    /// `body` receives the arguments and returns the result (none or one value).
    ///
    /// - Parameter type: if given, instantiation fails unless the component imports the
    ///   function with exactly this type.
    public mutating func define(
        interface: String?, function: String, type: ComponentFunctionType? = nil,
        _ body: @escaping @Sendable ([ComponentValue]) throws -> [ComponentValue]
    ) {
        define(interface: interface, function: function, type: type, suspending: { arguments in
            let results = try body(arguments)
            guard results.count <= 1 else {
                throw ComponentCallError.tooManyResults(function: function, count: results.count)
            }
            return .value(results.first)
        })
    }

    /// Defines a function that may suspend the calling guest: returning
    /// `.suspend(token:)` stops the guest's `GuestCall` with `.suspended`, and the result
    /// arrives later through `GuestCall.resume(returning:)`.
    public mutating func define(
        interface: String?, function: String, type: ComponentFunctionType? = nil,
        suspending body: @escaping @Sendable ([ComponentValue]) throws -> HostCallResult
    ) {
        functions[DefinitionKey(interface: interface, name: function)] = FunctionDefinition(type: type, body: .values(body))
    }

    /// Defines a function that reads its arguments as typed values (`String`, `[UInt8]`,
    /// integers, any `CanonicalValue`) straight from the calling guest's core arguments and
    /// memory, without building `ComponentValue`s: the fast path for host functions guests
    /// call often. It may suspend like `define(interface:function:type:suspending:)`.
    ///
    /// ```swift
    /// imports.define(interface: "theater:simple/runtime", function: "log",
    ///                type: ComponentFunctionType(parameters: [("msg", .string)], result: nil)) { arguments in
    ///     print(try arguments.next(String.self))
    ///     return .value(nil)
    /// }
    /// ```
    ///
    /// `type` is required: instantiation fails unless the component imports the function
    /// with exactly this type, so the reads match the parameters. Only guests can call such
    /// a function: the host calling it directly (`ComponentFunction.call`) gets
    /// `ComponentCallError.typedArgumentsWithoutGuest`.
    public mutating func define(
        interface: String?, function: String, type: ComponentFunctionType,
        typed body: @escaping @Sendable (inout HostCallArguments) throws -> HostCallResult
    ) {
        functions[DefinitionKey(interface: interface, name: function)] = FunctionDefinition(type: type, body: .typed(body))
    }

    /// Defines what happens when the guest drops the last owned handle of imported
    /// resource `name` of `interface`. Resources without a definition need none: dropping
    /// them only removes the guest's handle.
    public mutating func defineResource(
        interface: String?, name: String, destructor: @escaping ResourceDestructorBody
    ) {
        resources[DefinitionKey(interface: interface, name: name)] = destructor
    }

    func function(interface: String?, name: String) -> FunctionDefinition? {
        lookup(functions, interface: interface, name: name)
    }

    func resourceDestructor(interface: String?, name: String) -> ResourceDestructorBody? {
        lookup(resources, interface: interface, name: name)
    }

    /// The exact interface name first, then the name without its `@version`.
    private func lookup<Value>(_ table: [DefinitionKey: Value], interface: String?, name: String) -> Value? {
        if let value = table[DefinitionKey(interface: interface, name: name)] { return value }
        guard let interface, let at = interface.lastIndex(of: "@") else { return nil }
        return table[DefinitionKey(interface: String(interface[..<at]), name: name)]
    }

    private struct DefinitionKey: Hashable, Sendable {
        var interface: String?
        var name: String
    }
}
