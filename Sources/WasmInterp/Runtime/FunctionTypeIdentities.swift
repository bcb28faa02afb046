/// Process-wide identities of function types, so `call_indirect` compares two integers.
///
/// Process-wide rather than per store: a compiled module looks its types up once, and
/// each of its instances, in whatever store, reuses the numbers instead of hashing every
/// signature again.
final class FunctionTypeIdentities: @unchecked Sendable {
    static let shared = FunctionTypeIdentities()

    private let lock = CodeCacheLock()
    /// Guarded by `lock`.
    private var identities: [FunctionType: Int] = [:]

    func identity(of type: FunctionType) -> Int {
        lock.withLock {
            if let identity = identities[type] { return identity }
            let identity = identities.count
            identities[type] = identity
            return identity
        }
    }
}
