/// The text format of a directory-backed store's `labels` file: a header line, then one
/// line per label, sorted by label:
///
/// ```
/// theater-content-store-labels 1
/// 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 greeting
/// ```
///
/// Each line is the 64-digit content hash, one space, then the label's UTF-8 bytes with
/// `%`, control bytes (below 0x20) and 0x7F written as `%XX` (two upper-case hex
/// digits), so any label fits on one line.
enum LabelIndexFile {
    static let header = "theater-content-store-labels 1"

    static func encode(_ labels: [String: ContentReference]) -> [UInt8] {
        var text = Array(header.utf8)
        text.append(UInt8(ascii: "\n"))
        for label in labels.keys.sorted() {
            guard let reference = labels[label] else { continue }
            text.append(contentsOf: reference.hash.utf8)
            text.append(UInt8(ascii: " "))
            appendEscaped(label, to: &text)
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }

    /// The labels in `file`; `path` is only for the error.
    static func decode(_ file: [UInt8], path: String) throws(ContentStoreError) -> [String: ContentReference] {
        let lines = file.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == header else {
            throw .corruptLabelIndex(path: path, line: 1)
        }
        var labels: [String: ContentReference] = [:]
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            guard let (label, reference) = parse(line) else {
                throw .corruptLabelIndex(path: path, line: offset &+ 1)
            }
            labels[label] = reference
        }
        return labels
    }

    private static func parse(_ line: ArraySlice<UInt8>) -> (String, ContentReference)? {
        let hashLength = 2 * SHA256.digestByteCount
        guard line.count > hashLength, line[line.startIndex &+ hashLength] == UInt8(ascii: " ") else { return nil }
        let hashText = String(decoding: line.prefix(hashLength), as: UTF8.self)
        guard let reference = try? ContentReference(validating: hashText),
            let label = unescape(line.dropFirst(hashLength &+ 1))
        else { return nil }
        return (label, reference)
    }

    private static func appendEscaped(_ label: String, to text: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in label.utf8 {
            if byte == UInt8(ascii: "%") || byte < 0x20 || byte == 0x7F {
                text.append(UInt8(ascii: "%"))
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            } else {
                text.append(byte)
            }
        }
    }

    private static func unescape(_ escaped: ArraySlice<UInt8>) -> String? {
        var bytes = [UInt8]()
        var index = escaped.startIndex
        while index < escaped.endIndex {
            let byte = escaped[index]
            if byte == UInt8(ascii: "%") {
                guard index &+ 2 < escaped.endIndex,
                    let value = HexEncoding.bytes(from: String(decoding: escaped[(index &+ 1)...(index &+ 2)], as: UTF8.self))?.first
                else { return nil }
                bytes.append(value)
                index &+= 3
            } else {
                bytes.append(byte)
                index &+= 1
            }
        }
        // Labels were written from Swift strings, so they are valid UTF-8; anything else
        // is corruption.
        return UTF8Text.decode(bytes)
    }
}
