/// Random (version 4) UUIDs in their usual text form, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`:
/// actor ids and store ids.
enum RandomUUID {
    /// A fresh UUID from the system's random source (two 64-bit draws: drawing the 16
    /// bytes one by one cost 16 system calls, about half of spawning a small actor).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(from: (generator.next() as UInt64, generator.next() as UInt64))
    }

    /// A fresh UUID from `pool` (one system call per 256 UUIDs).
    static func make(using pool: inout RandomBytePool) -> String {
        make(from: pool.nextWords())
    }

    private static func make(from words: (UInt64, UInt64)) -> String {
        withUnsafeBytes(of: words) { source in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { bytes in
                for index in 0..<16 { bytes[index] = source[index] }
                bytes[6] = bytes[6] & 0x0F | 0x40
                bytes[8] = bytes[8] & 0x3F | 0x80
                return format(UnsafeBufferPointer(bytes))
            }
        }
    }

    /// 16 bytes as hex digits grouped 8-4-4-4-12.
    static func format(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { format($0) }
    }

    /// Written straight into the string's storage: one allocation.
    private static func format(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 36) { text in
            var written = 0
            for (index, byte) in bytes.prefix(16).enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[written] = UInt8(ascii: "-")
                    written &+= 1
                }
                text[written] = HexEncoding.hexDigit(byte >> 4)
                text[written &+ 1] = HexEncoding.hexDigit(byte & 0x0F)
                written &+= 2
            }
            return written
        }
    }
}
