#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmInterp

/// Reading and decoding a module file, with errors worded for the command line.
enum ModuleFile {
    static func read(_ path: String) throws(CommandLineError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .failure("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in fread(buffer.baseAddress, 1, buffer.count, file) }
            bytes.append(contentsOf: chunk.prefix(count))
            if count < chunk.count { break }
        }
        // Reading a directory, for one, opens fine and fails here.
        if ferror(file) != 0 { throw .failure("cannot read \(path): \(String(cString: strerror(errno)))") }
        return bytes
    }

    static func decode(_ path: String) throws(CommandLineError) -> Module {
        try decode(read(path), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(CommandLineError) -> Module {
        do {
            return try Module(bytes: bytes)
        } catch {
            throw .failure("\(path): \(error)")
        }
    }
}
