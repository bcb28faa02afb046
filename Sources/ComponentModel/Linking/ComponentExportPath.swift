/// Where a function of an exported interface sits among an instance's exports. Every
/// instance of one `LoadedComponent` has its exports in the same places, so a host that
/// finds the same functions in many instances (one component instantiated again and again) can
/// look them up by name once and by position afterwards.
public struct ComponentExportPath: Sendable, Hashable {
    let interface: Int
    let member: Int
}

extension ComponentInstance {
    /// The path of function `name` of the exported interface `interface` (matched as
    /// `function(interface:name:)` matches), or nil when there is no such function.
    public func exportPath(interface: String, name: String) -> ComponentExportPath? {
        guard let interfaceIndex = exportIndex(interface), case .instance(let instance) = exports[interfaceIndex].item
        else { return nil }
        for memberIndex in instance.exports.indices where instance.exports[memberIndex].name == name {
            guard case .function = instance.exports[memberIndex].item else { return nil }
            return ComponentExportPath(interface: interfaceIndex, member: memberIndex)
        }
        return nil
    }

    /// The function at `path` (from `exportPath` on an instance of the same component), or
    /// nil when this instance has no function there.
    public func exportedFunction(at path: ComponentExportPath) -> ComponentFunction? {
        guard path.interface >= 0, path.interface < exports.count,
              case .instance(let instance) = exports[path.interface].item,
              path.member >= 0, path.member < instance.exports.count,
              case .function(let function) = instance.exports[path.member].item
        else { return nil }
        return function
    }
}
