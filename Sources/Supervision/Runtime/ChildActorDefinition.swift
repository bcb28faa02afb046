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
    /// The manifest's limits override the system's defaults field by field (the actor
    /// system applies them).
    static func make(_ manifest: ActorManifest, name: String, componentBytes: [UInt8]) -> ActorDefinition {
        var definition = ActorDefinition(
            componentBytes: componentBytes, name: name, initialState: manifest.initialState?.bytes,
            hostInterfaces: Set(manifest.grantedImports.map { HostInterfaceName(rawValue: $0) }),
            limits: manifest.limits)
        definition.isSupervised = true
        definition.savesChain = manifest.savesChain
        definition.chainDirectory = manifest.baseDirectory
        return definition
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
