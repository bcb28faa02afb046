/// Spelling names in WIT: keywords are escaped with `%`, and interface names are split
/// into their package and interface parts.
enum WITNames {
    static let keywords: Set<String> = [
        "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64",
        "float32", "float64", "char", "resource", "record", "flags", "variant", "enum", "bool",
        "string", "option", "result", "future", "stream", "list", "own", "borrow", "_", "as", "from",
        "static", "interface", "tuple", "world", "import", "export", "package", "with", "include",
        "constructor",
    ]

    /// `name`, escaped if it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "%" + name : name
    }
}

/// An interface's qualified name, `namespace:package/interface@version`.
struct QualifiedInterfaceName: Hashable {
    var namespace: String
    var package: String
    var interface: String
    var version: String?

    /// Parses a component import or export name; nil for a plain name (`log`, `host`).
    init?(_ name: String) {
        guard let colon = name.firstIndex(of: ":"),
              let slash = name[colon...].firstIndex(of: "/")
        else { return nil }
        namespace = String(name[..<colon])
        package = String(name[name.index(after: colon)..<slash])
        var rest = name[name.index(after: slash)...]
        if let at = rest.firstIndex(of: "@") {
            version = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        interface = String(rest)
        guard !namespace.isEmpty, !package.isEmpty, !interface.isEmpty else { return nil }
    }

    /// `ns:pkg@version`, with keywords escaped.
    var packageText: String {
        WITNames.escaped(namespace) + ":" + WITNames.escaped(package) + (version.map { "@" + $0 } ?? "")
    }

    /// The package identity: interfaces of one package print together.
    var packageKey: String { namespace + ":" + package + "@" + (version ?? "") }

    /// `ns:pkg/interface@version`, with keywords escaped.
    var pathText: String {
        WITNames.escaped(namespace) + ":" + WITNames.escaped(package) + "/" + WITNames.escaped(interface)
            + (version.map { "@" + $0 } ?? "")
    }
}
