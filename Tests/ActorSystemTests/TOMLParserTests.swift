import Testing
@testable import ActorSystem

/// A document and the table it must parse to.
struct ValidTOMLCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: TOMLTable
    var testDescription: String { name }
}

/// A document and the error it must be rejected with.
struct InvalidTOMLCase: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let reason: TOMLError.Reason
    var testDescription: String { text.debugDescription }

    init(_ text: String, _ line: Int, _ column: Int, _ reason: TOMLError.Reason) {
        self.text = text
        self.line = line
        self.column = column
        self.reason = reason
    }
}

@Suite struct TOMLParserTests {
    // MARK: - Valid documents, one feature each

    static let validCases: [ValidTOMLCase] = [
        ValidTOMLCase(name: "empty document", text: "", expected: [:]),
        ValidTOMLCase(
            name: "comments and blank lines only", text: "# one\n\n   # two\t\n\n", expected: [:]),
        ValidTOMLCase(
            name: "bare, quoted and literal keys",
            text: """
                bare_key-1 = 1
                1234 = 2
                "quoted key" = 3
                'literal key' = 4
                "" = 5
                "ʎǝʞ" = 6
                true = 7
                """,
            expected: [
                "bare_key-1": 1, "1234": 2, "quoted key": 3, "literal key": 4, "": 5, "ʎǝʞ": 6, "true": 7,
            ]),
        ValidTOMLCase(
            name: "dotted keys, with whitespace around the dots",
            text: """
                name = "Orange"
                physical.color = "orange"
                physical . shape = "round"
                site."google.com" = true
                3.14159 = "pi"
                """,
            expected: [
                "name": "Orange",
                "physical": ["color": "orange", "shape": "round"],
                "site": ["google.com": true],
                "3": ["14159": "pi"],
            ]),
        ValidTOMLCase(
            name: "tables, sub-tables and implicit super-tables",
            text: """
                [table-1]
                key1 = "some string"
                [table-1.sub]
                key2 = 2
                [ x . "y z" . w ]
                v = 1
                [x]
                own = true
                """,
            expected: [
                "table-1": ["key1": "some string", "sub": ["key2": 2]],
                "x": ["y z": ["w": ["v": 1]], "own": true],
            ]),
        ValidTOMLCase(
            name: "headers may add sub-tables below dotted-key tables",
            text: """
                [fruit]
                apple.color = "red"
                apple.taste.sweet = true
                [fruit.apple.texture]
                smooth = true
                """,
            expected: [
                "fruit": ["apple": ["color": "red", "taste": ["sweet": true], "texture": ["smooth": true]]]
            ]),
        ValidTOMLCase(
            name: "dotted keys may add to a table a header only implied",
            text: "[a.b.c]\nz = 1\n[a]\nb.d = 2\n",
            expected: ["a": ["b": ["c": ["z": 1], "d": 2]]]),
        ValidTOMLCase(
            name: "arrays of tables, nested, with sub-tables of their last element",
            text: """
                [[fruits]]
                name = "apple"
                [fruits.physical]
                color = "red"
                [[fruits.varieties]]
                name = "red delicious"
                [[fruits.varieties]]
                name = "granny smith"

                [[fruits]]
                name = "banana"
                [[fruits.varieties]]
                name = "plantain"
                """,
            expected: [
                "fruits": [
                    [
                        "name": "apple", "physical": ["color": "red"],
                        "varieties": [["name": "red delicious"], ["name": "granny smith"]],
                    ],
                    ["name": "banana", "varieties": [["name": "plantain"]]],
                ]
            ]),
        ValidTOMLCase(
            name: "empty array-of-tables elements",
            text: "[[handler]]\n[[handler]]\n[[ handler ]]\n",
            expected: ["handler": [[:], [:], [:]]]),
        ValidTOMLCase(
            name: "inline tables, with dotted keys and nesting",
            text: """
                name = { first = "Tom", last = "Preston-Werner" }
                point = {x=1,y=2}
                animal = { type.name = "pug", type.size = "small" }
                empty = {}
                spaced = { }
                deep = { a = { b = { c = [1, { d = 2 }] } } }
                """,
            expected: [
                "name": ["first": "Tom", "last": "Preston-Werner"],
                "point": ["x": 1, "y": 2],
                "animal": ["type": ["name": "pug", "size": "small"]],
                "empty": [:],
                "spaced": [:],
                "deep": ["a": ["b": ["c": [1, ["d": 2]]]]],
            ]),
        ValidTOMLCase(
            name: "arrays: mixed types, nesting, trailing commas, newlines and comments",
            text: """
                integers = [ 1, 2, 3 ]
                colors = [ "red", 'yellow', \"\"\"green\"\"\" ]
                nested = [ [ 1, 2 ], ["a", "b", "c"], [] ]
                mixed = [ 0.1, 2, "three", true, [4], { five = 5 } ]
                trailing = [ 1, 2, ]
                multi = [
                  1, # first
                  2
                  , 3,
                  # a comment line
                ]
                empty = []
                """,
            expected: [
                "integers": [1, 2, 3],
                "colors": ["red", "yellow", "green"],
                "nested": [[1, 2], ["a", "b", "c"], []],
                "mixed": [0.1, 2, "three", true, [4], ["five": 5]],
                "trailing": [1, 2],
                "multi": [1, 2, 3],
                "empty": [],
            ]),
        ValidTOMLCase(
            name: "basic strings: every escape",
            text: #"s = "q\" b\\ \b\t\n\f\r \u00E9 \U0001F600 \u0000 é 中""#,
            expected: ["s": .string("q\" b\\ \u{08}\t\n\u{0C}\r é 😀 \u{0} é 中")]),
        ValidTOMLCase(
            name: "multi-line basic strings: first newline trimmed, line-ending backslashes",
            text: """
                a = \"\"\"
                Roses are red
                Violets are blue\"\"\"
                b = \"\"\"\\
                    The quick \\
                    brown \\\t

                    fox.\\
                    \"\"\"
                c = \"\"\"tab\\there\"\"\"
                """,
            expected: ["a": "Roses are red\nViolets are blue", "b": "The quick brown fox.", "c": "tab\there"]),
        ValidTOMLCase(
            name: "multi-line strings: one or two quotes next to the delimiters",
            text: #"""
                a = """Here are two quotation marks: "". Simple enough."""
                b = """Here are three quotation marks: ""\"."""
                c = """"This," she said, "is just a pointless statement.""""
                d = """ends with two"""""
                e = '''''one at each end''''
                """#,
            expected: [
                "a": #"Here are two quotation marks: "". Simple enough."#,
                "b": #"Here are three quotation marks: """."#,
                "c": #""This," she said, "is just a pointless statement.""#,
                "d": #"ends with two"""#,
                "e": "''one at each end'",
            ]),
        ValidTOMLCase(
            name: "literal strings keep backslashes",
            text: #"""
                winpath = 'C:\Users\nodejs\templates'
                quoted = 'Tom "Dubs" Preston-Werner'
                regex = '<\i\c*\s*>'
                lines = '''
                The first newline is
                trimmed in raw strings.
                   All other whitespace
                   is preserved. \n
                '''
                """#,
            expected: [
                "winpath": #"C:\Users\nodejs\templates"#,
                "quoted": #"Tom "Dubs" Preston-Werner"#,
                "regex": #"<\i\c*\s*>"#,
                "lines": "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved. \\n\n",
            ]),
        ValidTOMLCase(
            name: "integers: signs, underscores, hex, octal, binary, 64-bit limits",
            text: """
                a = +99
                b = 42
                c = 0
                d = -17
                e = 1_000
                f = 5_349_221
                g = -0
                h = 0xDEADBEEF
                i = 0xdead_beef
                j = 0o01234567
                k = 0o755
                l = 0b11010110
                max = 9223372036854775807
                min = -9223372036854775808
                hexmax = 0x7FFF_FFFF_FFFF_FFFF
                """,
            expected: [
                "a": 99, "b": 42, "c": 0, "d": -17, "e": 1000, "f": 5_349_221, "g": 0,
                "h": 0xDEAD_BEEF, "i": 0xDEAD_BEEF, "j": 0o1234567, "k": 0o755, "l": 0b1101_0110,
                "max": .integer(.max), "min": .integer(.min), "hexmax": .integer(.max),
            ]),
        ValidTOMLCase(
            name: "floats: fractions, exponents, underscores, infinities",
            text: """
                a = +1.0
                b = 3.1415
                c = -0.01
                d = 5e+22
                e = 1e06
                f = -2E-2
                g = 6.626e-34
                h = 224_617.445_991_228
                i = 0e0
                j = 1e1_0
                k = inf
                l = +inf
                m = -inf
                n = 1e-400
                """,
            expected: [
                "a": 1.0, "b": 3.1415, "c": -0.01, "d": 5e22, "e": 1e6, "f": -0.02, "g": 6.626e-34,
                "h": 224_617.445_991_228, "i": 0.0, "j": 1e10, "k": .float(.infinity), "l": .float(.infinity),
                "m": .float(-.infinity), "n": 0.0,
            ]),
        ValidTOMLCase(
            name: "booleans", text: "yes = true\nno = false\n", expected: ["yes": true, "no": false]),
        ValidTOMLCase(
            name: "date-times of all four kinds, kept as written",
            text: """
                odt1 = 1979-05-27T07:32:00Z
                odt2 = 1979-05-27T00:32:00-07:00
                odt3 = 1979-05-27T00:32:00.999999+05:30
                odt4 = 1979-05-27 07:32:00z
                ldt = 1979-05-27t07:32:00.5
                ld = 1979-05-27 # a comment after a date
                lt = 00:32:00.999999
                leap-day = 2000-02-29
                leap-second = 1990-12-31T23:59:60Z
                list = [1979-05-27, 07:32:00]
                """,
            expected: [
                "odt1": .datetime("1979-05-27T07:32:00Z"),
                "odt2": .datetime("1979-05-27T00:32:00-07:00"),
                "odt3": .datetime("1979-05-27T00:32:00.999999+05:30"),
                "odt4": .datetime("1979-05-27 07:32:00z"),
                "ldt": .datetime("1979-05-27t07:32:00.5"),
                "ld": .datetime("1979-05-27"),
                "lt": .datetime("00:32:00.999999"),
                "leap-day": .datetime("2000-02-29"),
                "leap-second": .datetime("1990-12-31T23:59:60Z"),
                "list": [.datetime("1979-05-27"), .datetime("07:32:00")],
            ]),
        ValidTOMLCase(
            name: "CRLF line ends, also inside multi-line strings",
            text: "a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n[t]\r\nc = 2\r\n",
            expected: ["a": 1, "b": "x\ny", "t": ["c": 2]]),
        ValidTOMLCase(
            name: "tabs as whitespace, comments after everything",
            text: "\ta\t=\t1\t# c\n[t]\t# c\n[[u]] # c\nv = [ # c\n1 # c\n] # c\n",
            expected: ["a": 1, "t": [:], "u": [["v": [1]]]]),
        ValidTOMLCase(
            name: "a leading byte order mark is skipped", text: "\u{FEFF}a = 1", expected: ["a": 1]),
        ValidTOMLCase(
            name: "no newline at the end", text: "[t]\nk = 'v'", expected: ["t": ["k": "v"]]),
    ]

    @Test(arguments: validCases)
    func validDocumentParsesToItsTable(_ testCase: ValidTOMLCase) throws {
        let table = try TOMLParser.parse(testCase.text)
        #expect(table == testCase.expected)
    }

    @Test func notANumberIsAFloat() throws {
        let table = try TOMLParser.parse("a = nan\nb = +nan\nc = -nan\n")
        for key in ["a", "b", "c"] {
            #expect(table[key]?.floatValue?.isNaN == true, "\(key)")
        }
        #expect(table["c"]?.floatValue?.sign == .minus)
    }

    @Test func negativeZeroFloatKeepsItsSign() throws {
        let table = try TOMLParser.parse("z = -0.0")
        #expect(table["z"]?.floatValue?.sign == .minus)
    }

    @Test func tablesKeepTheOrderKeysWereWritten() throws {
        let table = try TOMLParser.parse("zebra = 1\napple = 2\n[mango]\n[banana]\nx.z = 1\nx.a = 2\n")
        #expect(table.keys == ["zebra", "apple", "mango", "banana"])
        #expect(table["banana"]?.tableValue?["x"]?.tableValue?.keys == ["z", "a"])
    }

    @Test func entriesRememberWhereKeysAndValuesWere() throws {
        let table = try TOMLParser.parse("""
            name = "x"
            [limits]
              fuel_per_message =   100
            [[child]]
            a.b = { c = 1 }
            """)
        let name = try #require(table.entry(forKey: "name"))
        #expect(name.keyPosition == TOMLPosition(line: 1, column: 1))
        #expect(name.valuePosition == TOMLPosition(line: 1, column: 8))
        let limits = try #require(table["limits"]?.tableValue)
        #expect(limits.position == TOMLPosition(line: 2, column: 2))
        let fuel = try #require(limits.entry(forKey: "fuel_per_message"))
        #expect(fuel.keyPosition == TOMLPosition(line: 3, column: 3))
        #expect(fuel.valuePosition == TOMLPosition(line: 3, column: 24))
        let child = try #require(table["child"]?.arrayValue?.first?.tableValue)
        #expect(child.position == TOMLPosition(line: 4, column: 3))
        let inline = try #require(child["a"]?.tableValue?.entry(forKey: "b"))
        #expect(inline.keyPosition == TOMLPosition(line: 5, column: 3))
        #expect(inline.value.tableValue?.position == TOMLPosition(line: 5, column: 7))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(throws: TOMLError.self) { try TOMLParser.parse("\"é中😀\" = 1 2") }
        #expect(error.position == TOMLPosition(line: 1, column: 11))
    }

    // MARK: - Invalid documents, with where and why

    static let invalidCases: [InvalidTOMLCase] = [
        // Key/value syntax
        InvalidTOMLCase("a", 1, 2, .unexpected(expected: "'=' after key", found: "end of input")),
        InvalidTOMLCase("name = 1\nfuel 100", 2, 6, .unexpected(expected: "'=' after key", found: "'1'")),
        InvalidTOMLCase("a =\nb = 1", 1, 4, .unexpected(expected: "a value", found: "end of line")),
        InvalidTOMLCase("a = 1 2", 1, 7, .unexpected(expected: "end of line after value", found: "'2'")),
        InvalidTOMLCase("= 1", 1, 1, .unexpected(expected: "a key", found: "'='")),
        InvalidTOMLCase("a..b = 1", 1, 3, .unexpected(expected: "a key", found: "'.'")),
        InvalidTOMLCase("a. = 1", 1, 4, .unexpected(expected: "a key", found: "'='")),
        InvalidTOMLCase("a = @", 1, 5, .unexpected(expected: "a value", found: "'@'")),
        InvalidTOMLCase("\"\"\"k\"\"\" = 1", 1, 1,
            .unexpected(expected: "a key (multi-line strings cannot be keys)", found: "'\"'")),
        InvalidTOMLCase("a = 1\rb = 2", 1, 6, .bareCarriageReturn),
        InvalidTOMLCase("a = 1 # bell\u{07}", 1, 13, .controlCharacter(0x07, context: "a comment")),
        // Headers
        InvalidTOMLCase("[a", 1, 3, .unexpected(expected: "']' to close the table header", found: "end of input")),
        InvalidTOMLCase("[[a]\n", 1, 4,
            .unexpected(expected: "']]' to close the array-of-tables header", found: "']'")),
        InvalidTOMLCase("[a]]", 1, 4, .unexpected(expected: "end of line after table header", found: "']'")),
        InvalidTOMLCase("[]", 1, 2, .unexpected(expected: "a key", found: "']'")),
        InvalidTOMLCase("[ [a]]", 1, 3, .unexpected(expected: "a key", found: "'['")),
        InvalidTOMLCase("[a] b = 1", 1, 5, .unexpected(expected: "end of line after table header", found: "'b'")),
        // Definition rules
        InvalidTOMLCase("a = 1\nb = 2\na = 3", 3, 1, .duplicateKey("a")),
        InvalidTOMLCase("[t]\nx.y = 1\nx.y = 2", 3, 3, .duplicateKey("t.x.y")),
        InvalidTOMLCase("a = 1\na.b = 2", 2, 1, .notATable(key: "a", holds: "an integer")),
        InvalidTOMLCase("[t]\n[t]", 2, 2, .duplicateTable("t")),
        InvalidTOMLCase("[a]\n[a.b]\n[a]", 3, 2, .duplicateTable("a")),
        InvalidTOMLCase("[a]\nb.c = 1\n[a.b]", 3, 4, .duplicateTable("a.b")),
        InvalidTOMLCase("[t]\nx = 1\n[t.x]", 3, 4, .notATable(key: "t.x", holds: "an integer")),
        InvalidTOMLCase("a = [1]\n[a.b]", 2, 2, .notATable(key: "a", holds: "an array")),
        InvalidTOMLCase("[a.b]\nc = 1\n[a]\nb.d = 2", 4, 1, .headerTableExtendedByDottedKeys("a.b")),
        InvalidTOMLCase("[[a.b]]\n[a]\nb.y = 2", 3, 1, .headerTableExtendedByDottedKeys("a.b")),
        InvalidTOMLCase("a = {}\n[a]", 2, 2, .inlineTableIsClosed("a")),
        InvalidTOMLCase("a = { b = 1 }\na.c = 2", 2, 1, .inlineTableIsClosed("a")),
        InvalidTOMLCase("a = { b = 1 }\n[a.c]", 2, 2, .inlineTableIsClosed("a")),
        InvalidTOMLCase("a = []\n[[a]]", 2, 3, .staticArrayIsClosed("a")),
        InvalidTOMLCase("[[a]]\n[a]", 2, 2, .arrayOfTablesRedefinedAsTable("a")),
        InvalidTOMLCase("[a]\n[[a]]", 2, 3, .tableRedefinedAsArrayOfTables("a")),
        InvalidTOMLCase("[[f]]\n[[f.v]]\n[f.v]", 3, 4, .arrayOfTablesRedefinedAsTable("f.v")),
        // Inline tables and arrays
        InvalidTOMLCase("x = { a = 1, a = 2 }", 1, 14, .duplicateKey("x.a")),
        InvalidTOMLCase("x = { a.b = 1, a = 2 }", 1, 16, .duplicateKey("x.a")),
        InvalidTOMLCase("x = { a = {}, a.b = 1 }", 1, 15, .inlineTableIsClosed("x.a")),
        InvalidTOMLCase("[t]\nx.y = [{ a = 1, a = 2 }]", 2, 17, .duplicateKey("t.x.y.a")),
        InvalidTOMLCase("x = { a = 1, }", 1, 14,
            .unexpected(expected: "a key after ',' (inline tables take no trailing comma)", found: "'}'")),
        InvalidTOMLCase("x = { a = 1\n}", 1, 12, .unexpected(expected: "',' or '}' in inline table", found: "end of line")),
        InvalidTOMLCase("x = [1,,2]", 1, 8, .unexpected(expected: "a value", found: "','")),
        InvalidTOMLCase("x = [,]", 1, 6, .unexpected(expected: "a value", found: "','")),
        InvalidTOMLCase("x = [1 2]", 1, 8, .unexpected(expected: "',' or ']' in array", found: "'2'")),
        InvalidTOMLCase("x = [\n1,\n2", 3, 2, .unexpected(expected: "',' or ']' in array", found: "end of input")),
        // Strings
        InvalidTOMLCase("x = \"abc", 1, 5, .unterminatedString(kind: "string")),
        InvalidTOMLCase("x = 'abc", 1, 5, .unterminatedString(kind: "literal string")),
        InvalidTOMLCase("x = \"\"\"abc\n\ndef", 1, 5, .unterminatedString(kind: "multi-line string")),
        InvalidTOMLCase("x = '''abc", 1, 5, .unterminatedString(kind: "multi-line literal string")),
        InvalidTOMLCase("x = \"a\nb\"", 1, 7, .newlineInString),
        InvalidTOMLCase("x = 'a\nb'", 1, 7, .newlineInString),
        InvalidTOMLCase(#"x = "\x41""#, 1, 6, .invalidEscape(#"\x"#)),
        InvalidTOMLCase(#"x = "\e""#, 1, 6, .invalidEscape(#"\e"#)),
        InvalidTOMLCase(#"x = "a\ b""#, 1, 7, .invalidEscape(#"\ "#)),
        InvalidTOMLCase(#"x = "\u12G4""#, 1, 6, .invalidEscape(#"\u12"#)),
        InvalidTOMLCase(#"x = "\uD800""#, 1, 6, .invalidUnicodeEscape(#"\uD800"#)),
        InvalidTOMLCase(#"x = "\uDFFF""#, 1, 6, .invalidUnicodeEscape(#"\uDFFF"#)),
        InvalidTOMLCase(#"x = "\U00110000""#, 1, 6, .invalidUnicodeEscape(#"\U00110000"#)),
        InvalidTOMLCase("x = \"\"\"\nok \\ x\"\"\"", 2, 4, .invalidEscape(#"\ "#)),
        InvalidTOMLCase("x = \"a\u{01}\"", 1, 7, .controlCharacter(0x01, context: "a string")),
        InvalidTOMLCase("x = 'a\u{7F}'", 1, 7, .controlCharacter(0x7F, context: "a literal string")),
        InvalidTOMLCase("x = \"\"\"\n\u{00}\"\"\"", 2, 1, .controlCharacter(0x00, context: "a multi-line string")),
        InvalidTOMLCase("x = \"\"\"a\"\"\"\"\"\"", 1, 14, .unexpected(expected: "end of line after value", found: "'\"'")),
        // Integers
        InvalidTOMLCase("x = 01", 1, 5, .invalidInteger("01")),
        InvalidTOMLCase("x = -01", 1, 5, .invalidInteger("-01")),
        InvalidTOMLCase("x = 1_", 1, 5, .invalidInteger("1_")),
        InvalidTOMLCase("x = 1__2", 1, 5, .invalidInteger("1__2")),
        InvalidTOMLCase("x = _1", 1, 5, .invalidValue("_1")),
        InvalidTOMLCase("x = 0x", 1, 5, .invalidInteger("0x")),
        InvalidTOMLCase("x = 0x_1", 1, 5, .invalidInteger("0x_1")),
        InvalidTOMLCase("x = +0x1", 1, 5, .invalidInteger("+0x1")),
        InvalidTOMLCase("x = 0X1", 1, 5, .invalidInteger("0X1")),
        InvalidTOMLCase("x = 0o8", 1, 5, .invalidInteger("0o8")),
        InvalidTOMLCase("x = 0b102", 1, 5, .invalidInteger("0b102")),
        InvalidTOMLCase("x = 9223372036854775808", 1, 5, .integerOutOfRange("9223372036854775808")),
        InvalidTOMLCase("x = -9223372036854775809", 1, 5, .integerOutOfRange("-9223372036854775809")),
        InvalidTOMLCase("x = 0x8000000000000000", 1, 5, .integerOutOfRange("0x8000000000000000")),
        InvalidTOMLCase("x = 99999999999999999999999", 1, 5, .integerOutOfRange("99999999999999999999999")),
        // Floats
        InvalidTOMLCase("x = 1.", 1, 5, .invalidFloat("1.")),
        InvalidTOMLCase("x = .5", 1, 5, .invalidValue(".5")),
        InvalidTOMLCase("x = 1.e5", 1, 5, .invalidFloat("1.e5")),
        InvalidTOMLCase("x = 1e", 1, 5, .invalidFloat("1e")),
        InvalidTOMLCase("x = 1e_5", 1, 5, .invalidFloat("1e_5")),
        InvalidTOMLCase("x = 1.5_", 1, 5, .invalidFloat("1.5_")),
        InvalidTOMLCase("x = 01.5", 1, 5, .invalidFloat("01.5")),
        InvalidTOMLCase("x = 1e400", 1, 5, .floatOutOfRange("1e400")),
        InvalidTOMLCase("x = Inf", 1, 5, .invalidValue("Inf")),
        InvalidTOMLCase("x = NaN", 1, 5, .invalidValue("NaN")),
        // Booleans and other words
        InvalidTOMLCase("x = True", 1, 5, .invalidValue("True")),
        InvalidTOMLCase("x = truer", 1, 5, .invalidValue("truer")),
        InvalidTOMLCase("x = yes", 1, 5, .invalidValue("yes")),
        // Date-times
        InvalidTOMLCase("x = 1979-13-01", 1, 5, .invalidDateTime("1979-13-01")),
        InvalidTOMLCase("x = 1979-02-30", 1, 5, .invalidDateTime("1979-02-30")),
        InvalidTOMLCase("x = 1900-02-29", 1, 5, .invalidDateTime("1900-02-29")),
        InvalidTOMLCase("x = 1979-5-27", 1, 5, .invalidDateTime("1979-5-27")),
        InvalidTOMLCase("x = 1979-05-27T24:00:00", 1, 5, .invalidDateTime("1979-05-27T24:00:00")),
        InvalidTOMLCase("x = 1979-05-27T07:60:00", 1, 5, .invalidDateTime("1979-05-27T07:60:00")),
        InvalidTOMLCase("x = 1979-05-27T07:32", 1, 5, .invalidDateTime("1979-05-27T07:32")),
        InvalidTOMLCase("x = 1979-05-27 07:32", 1, 5, .invalidDateTime("1979-05-27 07:32")),
        InvalidTOMLCase("x = 07:32", 1, 5, .invalidDateTime("07:32")),
        InvalidTOMLCase("x = 1979-05-27T07:32:00+24:00", 1, 5, .invalidDateTime("1979-05-27T07:32:00+24:00")),
        InvalidTOMLCase("x = 1979-05-27T07:32:00.", 1, 5, .invalidDateTime("1979-05-27T07:32:00.")),
        InvalidTOMLCase("x = 1979-05-27X07:32:00", 1, 5, .invalidDateTime("1979-05-27X07:32:00")),
        InvalidTOMLCase("x = 1979-05-27T", 1, 5, .invalidDateTime("1979-05-27T")),
    ]

    @Test(arguments: invalidCases)
    func invalidDocumentFailsWithPositionAndReason(_ testCase: InvalidTOMLCase) throws {
        let error = try #require(throws: TOMLError.self) { try TOMLParser.parse(testCase.text) }
        #expect(error.reason == testCase.reason)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
    }

    @Test func errorDescriptionLeadsWithLineAndColumn() throws {
        let error = try #require(throws: TOMLError.self) {
            try TOMLParser.parse("name = \"counter\"\n\nfuel_per 100\n")
        }
        #expect(error.description == "line 3, column 10: expected '=' after key, found '1'")
    }

    @Test func bytesThatAreNotUTF8AreRejectedWithTheirPosition() throws {
        let document: [UInt8] = Array("a = 1\nb = \"".utf8) + [0xC3, 0x28] + Array("\"".utf8)
        let error = try #require(throws: TOMLError.self) { try TOMLParser.parse(bytes: document) }
        #expect(error.reason == .invalidUTF8)
        #expect(error.position == TOMLPosition(line: 2, column: 6))
        for bad: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82]] {
            #expect(throws: TOMLError.self) { try TOMLParser.parse(bytes: Array("s = '".utf8) + bad + [0x27]) }
        }
        #expect(try TOMLParser.parse(bytes: Array("s = 'é€😀'".utf8))["s"] == "é€😀")
    }

    // MARK: - Hostile input

    @Test func deepNestingIsRefusedNotRecursedInto() throws {
        let depth = 100_000
        let documents = [
            "a = " + String(repeating: "[", count: depth),
            "a = " + String(repeating: "{b=", count: depth),
            "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]",
            Array(repeating: "a", count: depth).joined(separator: ".") + " = 1",
        ]
        for document in documents {
            let error = try #require(throws: TOMLError.self) { try TOMLParser.parse(document) }
            #expect(error.reason == .nestingTooDeep(limit: TOMLParser.defaultMaximumNestingDepth))
        }
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let limit = TOMLParser.defaultMaximumNestingDepth
        let arrays = "a = " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try TOMLParser.parse(arrays) }
        let tooDeep = "a = " + String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: TOMLError.self) { try TOMLParser.parse(tooDeep) }
        let headers = (1...limit).map { "[" + Array(repeating: "t", count: $0).joined(separator: ".") + "]" }
        #expect(throws: Never.self) { try TOMLParser.parse(headers.joined(separator: "\n")) }
        // The root table is level 0; the array at `a` is level 1, the one inside it level 2.
        #expect(throws: TOMLError.self) { try TOMLParser.parse("a = [[1]]", maximumNestingDepth: 1) }
        #expect(throws: Never.self) { try TOMLParser.parse("a = [[1]]", maximumNestingDepth: 2) }
        #expect(throws: TOMLError.self) { try TOMLParser.parse("[a.b]", maximumNestingDepth: 1) }
        #expect(throws: TOMLError.self) { try TOMLParser.parse("a.b.c = 1", maximumNestingDepth: 1) }
    }

    @Test func largeDocumentsParse() throws {
        let elements = Array(repeating: "1", count: 100_000).joined(separator: ",")
        #expect(try TOMLParser.parse("x = [\(elements)]")["x"]?.arrayValue?.count == 100_000)
        let tables = (0..<5_000).map { "[[t]]\nv = \($0)" }.joined(separator: "\n")
        #expect(try TOMLParser.parse(tables)["t"]?.arrayValue?.count == 5_000)
        let keys = (0..<10_000).map { "k\($0) = 1" }.joined(separator: ", ")
        #expect(try TOMLParser.parse("x = { \(keys) }")["x"]?.tableValue?.count == 10_000)
    }

    /// Random edits of valid documents must parse or fail with a sane position, never crash.
    @Test func randomMutationsNeverCrash() throws {
        var generator = SplitMix64(seed: 0x5EED_70F1)
        let alphabet: [[UInt8]] = [
            "=", "[", "]", "{", "}", ".", "\"", "'", "#", ",", "\n", " ", "\t", "\\", "_", "-", "+", ":",
            "0", "1", "9", "x", "o", "b", "e", "E", "i", "n", "f", "T", "Z", "u", "U", "\"\"\"", "'''", "\r\n",
            "\r", "é", "\u{0}",
        ].map { Array($0.utf8) }
        let seeds = Self.validCases.map { Array($0.text.utf8) }
        var parsed = 0
        var rejected = 0
        for _ in 0..<4_000 {
            var document = seeds[Int(generator.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                let index = Int(generator.next() % UInt64(document.count + 1))
                switch generator.next() % 4 {
                case 0 where !document.isEmpty:
                    document.remove(at: min(index, document.count - 1))
                case 1:
                    document.insert(contentsOf: alphabet[Int(generator.next() % UInt64(alphabet.count))], at: index)
                case 2:
                    document.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                default:
                    let end = min(document.count, index + Int(generator.next() % 8))
                    document.insert(contentsOf: document[index..<end], at: index)
                }
            }
            do {
                _ = try TOMLParser.parse(bytes: document)
                parsed += 1
            } catch {
                rejected += 1
                let lineCount = document.count { $0 == 0x0A } + 1
                #expect(error.line >= 1 && error.line <= lineCount)
                #expect(error.column >= 1 && error.column <= document.count + 1)
            }
        }
        // Both outcomes occur, so the mutations exercise the parser rather than one early check.
        #expect(parsed > 100)
        #expect(rejected > 100)
    }

    // MARK: - Value model

    @Test func tableEqualityIgnoresOrderAndPositions() throws {
        let parsed = try TOMLParser.parse("\n\nb = 2\na = 1")
        #expect(parsed == ["a": 1, "b": 2])
        #expect(parsed != ["a": 1, "b": 3])
        #expect(parsed != ["a": 1])
    }

    @Test func tablesCanBeEditedInCode() {
        var table: TOMLTable = ["a": 1, "b": 2, "c": 3]
        table["b"] = nil
        table["d"] = "four"
        table["a"] = 10
        #expect(table.keys == ["a", "c", "d"])
        #expect(table["a"] == 10)
        #expect(table["c"] == 3)
        #expect(table.removeValue(forKey: "zzz") == nil)
    }

    @Test func valuesNameTheirTypes() {
        let values: [TOMLValue] = ["s", 1, 1.5, true, [], [:], .datetime("07:32:00")]
        #expect(values.map(\.typeName) == ["string", "integer", "float", "boolean", "array", "table", "date-time"])
    }
}

/// A small deterministic generator, so fuzz failures reproduce.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
