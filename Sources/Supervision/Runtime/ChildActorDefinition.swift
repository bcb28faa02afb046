#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ActorSystem

/// How a child's manifest becomes the definition its actor is spawned from.
enum ChildActorDefinition {
    /// The supervised actor `manifest` describes, running under `name` (its path in the
    /// tree); `componentBytes` are its component file's.
    static func make(
        _ manifest: ActorManifest, name: String, componentBytes: [UInt8], defaults: RuntimeLimits
    ) -> ActorDefinition {
        var definition = ActorDefinition(
            componentBytes: componentBytes, name: name, initialState: manifest.initialState?.bytes,
            hostInterfaces: Set(manifest.grantedImports.map { HostInterfaceName(rawValue: $0) }),
            limits: limits(manifest.limits, defaults: defaults))
        definition.isSupervised = true
        return definition
    }

    /// The system's default limits with those the manifest sets.
    static func limits(_ limits: ActorLimits, defaults: RuntimeLimits) -> RuntimeLimits {
        var result = defaults
        if let fuel = limits.fuelPerMessage { result.fuelPerMessage = fuel }
        if let pages = limits.maxMemoryPages { result.maxMemoryPages = pages }
        if let depth = limits.maxCallDepth { result.maxCallDepth = depth }
        if let capacity = limits.mailboxCapacity { result.mailboxCapacity = capacity }
        return result
    }

    /// The bytes of the component file at `path`.
    static func readComponent(_ path: String) throws(SupervisionError) -> [UInt8] {
        guard !path.utf8.contains(0), let file = fopen(path, "rb") else {
            throw .unreadableComponent(path: path, message: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in fread(buffer.baseAddress, 1, buffer.count, file) }
            bytes.append(contentsOf: chunk.prefix(count))
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else {
            throw .unreadableComponent(path: path, message: String(cString: strerror(errno)))
        }
        return bytes
    }
}
