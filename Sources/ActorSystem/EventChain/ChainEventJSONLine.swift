/// One chain event as a single line of JSON, the format of the CLI's `--events` output:
///
/// ```json
/// {"actor":"counter","seq":3,"type":"state-change","hash":"9f…","parent":"41…","timestamp":1733000000000,"data":"{\"state\":\"01\"}","data_encoding":"utf8","description":"counter = 1"}
/// ```
///
/// `hash` and `parent` are lowercase hex (`parent` is null on the first event);
/// `timestamp` is milliseconds since the Unix epoch. `data` is the payload as a string when
/// it is valid UTF-8 (`"data_encoding":"utf8"`), else as hex (`"data_encoding":"hex"`);
/// `description` is null when absent. No trailing newline.
extension ChainEvent {
    public func jsonLine(actor: String) -> String {
        var object = JSONObjectWriter()
        object.add("actor", string: actor)
        object.add("seq", number: sequence)
        object.add("type", string: eventType)
        object.add("hash", hex: hash)
        object.add("parent", hex: parentHash)
        object.add("timestamp", number: timestamp)
        if let text = UTF8Text.decode(data) {
            object.add("data", string: text)
            object.add("data_encoding", string: "utf8")
        } else {
            object.add("data", hex: data)
            object.add("data_encoding", string: "hex")
        }
        object.add("description", string: description)
        return object.json
    }
}
