/// Writing an actor's chain at the end of its life, when its definition asks for it.
extension ActorSystem {
    /// Where the actor's chain is (or will be) saved; nil if it does not save its chain.
    public func savedChainPath(of id: ActorID) throws(ActorSystemError) -> String? {
        savedChainPath(of: try cell(id))
    }

    func savedChainPath(of cell: ActorCell) -> String? {
        guard cell.definition.savesChain else { return nil }
        let directory = configuration.chainDirectory ?? cell.definition.chainDirectory ?? "."
        return ManifestFiles.resolve(SavedChain.fileName(for: cell.identity), against: directory)
    }

    /// Writes the chain (every event kept in memory) to `savedChainPath`. A failure to
    /// write cannot stop an actor that has already ended: it goes to the actor's log.
    func saveChainIfAsked(_ cell: ActorCell) {
        guard let path = savedChainPath(of: cell) else { return }
        let events = cell.shared.withLock { $0.eventLog.events }
        let text = SavedChain.text(of: events, actor: cell.displayName)
        do {
            try StoreFiles.makeDirectories(ManifestFiles.directory(of: path))
            try StoreFiles.writeAtomically(Array(text.utf8), to: path)
        } catch {
            log("could not save the event chain to \(path): \(error)", from: cell)
        }
    }
}
