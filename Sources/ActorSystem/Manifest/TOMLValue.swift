/// A TOML value.
///
/// Date-times are kept as text: `.datetime` holds the literal exactly as written
/// (`1979-05-27T07:32:00Z`, `1979-05-27 07:32:00`, `1979-05-27`, `07:32:00.5`) after the
/// parser has checked it against TOML's RFC 3339 profile (field ranges, days per month,
/// leap years, offsets). Nothing here needs a calendar, so none is imposed.
///
/// Equality is structural; tables compare as unordered maps and ignore source positions.
/// As with `Double`, `.float(.nan)` is not equal to itself.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case array([TOMLValue])
    case table(TOMLTable)
    /// An offset or local date-time, local date or local time, as written in the document.
    case datetime(String)

    /// The TOML name of the value's type, for messages: "string", "integer", "table"...
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "boolean"
        case .array: "array"
        case .table: "table"
        case .datetime: "date-time"
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var integerValue: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    public var floatValue: Double? {
        if case .float(let value) = self { value } else { nil }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var tableValue: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }

    public var datetimeValue: String? {
        if case .datetime(let value) = self { value } else { nil }
    }
}
