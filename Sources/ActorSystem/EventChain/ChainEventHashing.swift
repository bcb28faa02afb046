/// The canonical encoding of a chain event, and its hash.
///
/// The encoding is the concatenation of five fields, in this order. Every variable-length
/// field carries its length, so no two different events encode alike:
///
/// | field       | encoding                                                          |
/// |-------------|-------------------------------------------------------------------|
/// | parent hash | `00` if none; else `01`, length as u64 big-endian, the bytes      |
/// | event type  | length as u64 big-endian, then the UTF-8 bytes                    |
/// | data        | length as u64 big-endian, then the bytes                          |
/// | timestamp   | u64 big-endian (milliseconds since the Unix epoch)                |
/// | description | `00` if none; else `01`, length as u64 big-endian, the UTF-8 bytes |
///
/// The event's hash is the SHA-256 of that byte string. For example an event with no
/// parent, type `"init"`, data `[0xff]`, timestamp 1 and no description encodes as
/// `00 0000000000000004 696e6974 0000000000000001 ff 0000000000000001 00`.
/// The sequence number is not part of the hash.
public enum ChainEventHashing {
    /// The canonical encoding of an event's hashed fields (see the type's documentation).
    public static func encoding(
        parentHash: [UInt8]?, eventType: String, data: [UInt8], timestamp: UInt64, description: String?
    ) -> [UInt8] {
        var sink = ByteCollector()
        encode(
            into: &sink, parentHash: parentHash, eventType: eventType, data: data, timestamp: timestamp,
            description: description)
        return sink.bytes
    }

    /// SHA-256 of the canonical encoding, computed without building the encoding.
    public static func hash(
        parentHash: [UInt8]?, eventType: String, data: [UInt8], timestamp: UInt64, description: String?
    ) -> [UInt8] {
        var hasher = SHA256()
        encode(
            into: &hasher, parentHash: parentHash, eventType: eventType, data: data, timestamp: timestamp,
            description: description)
        return hasher.finalize()
    }

    private static func encode<Sink: ByteSink>(
        into sink: inout Sink, parentHash: [UInt8]?, eventType: String, data: [UInt8], timestamp: UInt64,
        description: String?
    ) {
        if let parentHash {
            sink.write(byte: 1)
            sink.writeLengthPrefixed(parentHash)
        } else {
            sink.write(byte: 0)
        }
        sink.writeLengthPrefixed(utf8: eventType)
        sink.writeLengthPrefixed(data)
        sink.write(bigEndian: timestamp)
        if let description {
            sink.write(byte: 1)
            sink.writeLengthPrefixed(utf8: description)
        } else {
            sink.write(byte: 0)
        }
    }
}

/// Where the encoding goes: a byte array (to show it) or straight into a hasher.
private protocol ByteSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}

extension ByteSink {
    mutating func write(byte: UInt8) {
        withUnsafeBytes(of: byte) { write($0) }
    }

    mutating func write(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { write($0) }
    }

    mutating func writeLengthPrefixed(_ bytes: [UInt8]) {
        write(bigEndian: UInt64(truncatingIfNeeded: bytes.count))
        bytes.withUnsafeBytes { write($0) }
    }

    /// A string's UTF-8, length-prefixed, without copying it into an array first.
    mutating func writeLengthPrefixed(utf8 string: String) {
        var string = string
        string.withUTF8 { text in
            write(bigEndian: UInt64(truncatingIfNeeded: text.count))
            write(UnsafeRawBufferPointer(text))
        }
    }
}

extension SHA256: ByteSink {
    fileprivate mutating func write(_ bytes: UnsafeRawBufferPointer) { update(bytes) }
}

private struct ByteCollector: ByteSink {
    var bytes: [UInt8] = []
    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
}
