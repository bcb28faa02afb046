/// Random (version 4) UUIDs in their usual text form, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`:
/// actor ids and store ids.
enum RandomUUID {
    /// A fresh UUID from the system's random source. It takes two 64-bit draws (two
    /// `getrandom` calls on Linux): drawing the 16 bytes one by one cost 16 system calls,
    /// about half of spawning a small actor.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (generator.next() as UInt64, generator.next() as UInt64)
        var bytes = withUnsafeBytes(of: words) { [UInt8]($0) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return format(bytes)
    }

    /// 16 bytes as hex digits grouped 8-4-4-4-12.
    static func format(_ bytes: [UInt8]) -> String {
        var hex: [UInt8] = []
        HexEncoding.append(bytes, to: &hex)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, digit) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
