/// Checks that a sequence of chain events is intact: consecutive sequence numbers, each
/// event's parent hash equal to the previous event's hash, and every stored hash equal to
/// the hash recomputed from the event's fields.
///
/// ```swift
/// switch ChainVerifier.verify(events) {
/// case .success: print("chain intact")
/// case .failure(let failure): print(failure)   // "event 3: hash mismatch: …"
/// }
/// ```
public enum ChainVerifier {
    /// Verifies `events` as a whole chain (the first event has sequence 0 and no parent),
    /// or, when `previous` is given, as the continuation of a chain whose last verified
    /// event is `previous`. Reports the first bad event.
    public static func verify(
        _ events: some Collection<ChainEvent>, continuing previous: ChainEvent? = nil
    ) -> Result<Void, ChainVerificationFailure> {
        var expectedSequence: UInt64 = previous.map { $0.sequence &+ 1 } ?? 0
        var expectedParent: [UInt8]? = previous?.hash
        for (index, event) in events.enumerated() {
            if let reason = problem(with: event, expectedSequence: expectedSequence, expectedParent: expectedParent) {
                return .failure(ChainVerificationFailure(index: index, sequence: event.sequence, reason: reason))
            }
            expectedSequence = event.sequence &+ 1
            expectedParent = event.hash
        }
        return .success(())
    }

    private static func problem(
        with event: ChainEvent, expectedSequence: UInt64, expectedParent: [UInt8]?
    ) -> ChainVerificationFailure.Reason? {
        if event.sequence != expectedSequence {
            return .sequenceMismatch(expected: expectedSequence, found: event.sequence)
        }
        if event.parentHash != expectedParent {
            return .parentMismatch(expected: expectedParent, found: event.parentHash)
        }
        let computed = event.computedHash
        if event.hash != computed {
            return .hashMismatch(computed: computed, stored: event.hash)
        }
        return nil
    }
}

/// Why a chain failed verification, and where.
public struct ChainVerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the event.
    public enum Reason: Sendable, Hashable {
        /// The sequence number does not follow the previous event's.
        case sequenceMismatch(expected: UInt64, found: UInt64)
        /// The parent hash is not the previous event's hash (or is present on the first
        /// event, or missing on a later one).
        case parentMismatch(expected: [UInt8]?, found: [UInt8]?)
        /// The stored hash is not the hash of the event's fields: the event was altered.
        case hashMismatch(computed: [UInt8], stored: [UInt8])
    }

    /// Position of the bad event in the verified collection (0 = first one given).
    public var index: Int
    /// The bad event's own sequence number, as stored.
    public var sequence: UInt64
    public var reason: Reason

    public init(index: Int, sequence: UInt64, reason: Reason) {
        self.index = index
        self.sequence = sequence
        self.reason = reason
    }

    public var description: String {
        "event \(index) (sequence \(sequence)): \(reasonDescription)"
    }

    private var reasonDescription: String {
        switch reason {
        case .sequenceMismatch(let expected, let found):
            "sequence number \(found), expected \(expected)"
        case .parentMismatch(let expected, let found):
            "parent hash \(Self.hex(found)), expected \(Self.hex(expected))"
        case .hashMismatch(let computed, let stored):
            "stored hash \(HexEncoding.string(from: stored)) does not match its contents (\(HexEncoding.string(from: computed)))"
        }
    }

    private static func hex(_ hash: [UInt8]?) -> String {
        hash.map { HexEncoding.string(from: $0) } ?? "none"
    }
}
