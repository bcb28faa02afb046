#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations a directory-backed store needs (the library does not use
/// Foundation). Every failure is a thrown `ContentStoreError.fileSystem`.
enum StoreFiles {
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Creates `path` and any missing parents; an existing directory is fine.
    static func makeDirectories(_ path: String) throws(ContentStoreError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 {
                let error = errno
                guard error == EEXIST else { throw .fileSystem(operation: "mkdir", path: prefix, errorNumber: error) }
            }
            prefix += "/"
        }
    }

    /// The file's bytes, or nil if there is no such file.
    static func contents(of path: String) throws(ContentStoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let error = errno
            if error == ENOENT { return nil }
            throw .fileSystem(operation: "open", path: path, errorNumber: error)
        }
        defer { close(descriptor) }
        var contents = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                contents.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return contents
            } else if errno != EINTR {
                throw .fileSystem(operation: "read", path: path, errorNumber: errno)
            }
        }
    }

    /// Writes the file through a temporary file and a rename, so a reader sees the old
    /// contents or the new, never a mix.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ContentStoreError) {
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .fileSystem(operation: "create", path: temporary, errorNumber: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count &- written)
            }
            if count > 0 {
                written &+= count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                let error = errno
                close(descriptor)
                unlink(temporary)
                throw .fileSystem(operation: "write", path: temporary, errorNumber: error)
            }
        }
        guard close(descriptor) == 0 else {
            let error = errno
            unlink(temporary)
            throw .fileSystem(operation: "close", path: temporary, errorNumber: error)
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw .fileSystem(operation: "rename", path: path, errorNumber: error)
        }
    }
}
