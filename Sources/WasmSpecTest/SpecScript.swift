/// The JSON form of one `.wast` script, as `wast2json` / `wasm-tools json-from-wast` write it.
struct SpecScript: Decodable {
    var commands: [SpecCommand]
}

/// One command of a spec script. Which fields are present depends on `type`.
struct SpecCommand: Decodable {
    var type: String
    var line: Int
    /// The module file (`.wasm`, or `.wat` for text modules).
    var filename: String?
    /// For a text module that the converter also wrote as a binary.
    var binaryFilename: String?
    /// `binary` or `text`.
    var moduleType: String?
    /// The module's name (`module`), or the module to register (`register`).
    var name: String?
    /// The name a `register` command makes the module importable under.
    var registeredAs: String?
    var action: SpecAction?
    var expected: [SpecValue]?
    /// The expected failure message of `assert_*` commands.
    var text: String?

    enum CodingKeys: String, CodingKey {
        case type, line, filename, name, action, expected, text
        case binaryFilename = "binary_filename"
        case moduleType = "module_type"
        case registeredAs = "as"
    }
}

/// An `invoke` or `get` of an export, optionally of a named module.
struct SpecAction: Decodable {
    var type: String
    var module: String?
    var field: String
    var args: [SpecValue]?
}

/// A value as the JSON spells it: a type and a decimal bit pattern, a NaN class, `null`,
/// or (for v128) a list of lanes.
struct SpecValue: Decodable {
    var type: String
    var value: Payload
    var laneType: String?

    enum Payload {
        case absent
        case scalar(String)
        case lanes([String])
    }

    enum CodingKeys: String, CodingKey {
        case type, value
        case laneType = "lane_type"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        laneType = try container.decodeIfPresent(String.self, forKey: .laneType)
        if let scalar = try? container.decode(String.self, forKey: .value) {
            value = .scalar(scalar)
        } else if let lanes = try? container.decode([String].self, forKey: .value) {
            value = .lanes(lanes)
        } else {
            value = .absent
        }
    }

    var isVector: Bool { type == "v128" }
}
