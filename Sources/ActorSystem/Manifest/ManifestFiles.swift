#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file system as manifests need it: joining relative paths and reading whole files.
enum ManifestFiles {
    /// `path` relative to `directory` (absolute paths, and any path when there is no
    /// directory, stay as they are). `..` is kept, not resolved.
    static func resolve(_ path: String, against directory: String?) -> String {
        guard let directory, !directory.isEmpty, !path.hasPrefix("/") else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The directory part of a file path (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    enum ReadError: Error {
        /// Nothing readable as a file is there (missing, or a directory).
        case noFile
        case failed(String)

        /// Why, in a few words.
        var message: String {
            switch self {
            case .noFile: "no such file"
            case .failed(let message): message
            }
        }
    }

    /// The bytes of the manifest file at `path`.
    static func readManifest(_ path: String) throws(ManifestError) -> [UInt8] {
        do throws(ReadError) {
            return try read(path)
        } catch {
            throw ManifestError(.unreadableFile(path: path, message: error.message))
        }
    }

    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        // A path with a NUL would silently name a shorter path.
        guard !path.utf8.contains(0) else { throw .noFile }
        guard let file = fopen(path, "rb") else {
            let code = errno
            if code == ENOENT || code == ENOTDIR || code == EISDIR { throw .noFile }
            throw .failed(String(cString: strerror(code)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in fread(buffer.baseAddress, 1, buffer.count, file) }
            bytes.append(contentsOf: chunk.prefix(count))
            if count < chunk.count { break }
        }
        if ferror(file) != 0 {
            // Directories open fine on Linux and fail here.
            let code = errno
            if code == EISDIR { throw .noFile }
            throw .failed(String(cString: strerror(code)))
        }
        return bytes
    }
}
