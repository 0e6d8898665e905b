import CZ3

extension Z3Context {
    // MARK: String terms

    /// A string literal holding exactly `value`, whatever characters it contains.
    ///
    /// Z3 4.8.12's `Z3_mk_string` reads a C string: bytes above 0x7F are sign-extended into
    /// bogus characters, a `\u{...}` sequence is an escape and a lone backslash is itself. So every
    /// character outside printable ASCII, and every backslash, is passed as a `\u{hex}` escape.
    /// - Throws: `SolverError` for a character above `Z3Context.maxCharacter`.
    public func string(_ value: String) throws -> Term {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            guard scalar.value <= Z3Context.maxCharacter else {
                throw SolverError(
                    kind: .wrapper,
                    message:
                        "character U+\(String(scalar.value, radix: 16, uppercase: true)) is beyond the largest character z3 4.8.12 supports (U+2FFFF)",
                    operation: "string(_:)"
                )
            }
            if (0x20...0x7E).contains(scalar.value) && scalar != "\\" {
                escaped.unicodeScalars.append(scalar)
            } else {
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return try term { Z3_mk_string($0, escaped) }
    }

    /// The length of a string, in characters.
    public func length(_ string: Term) throws -> Term {
        let s = try handle(string)
        return try term { Z3_mk_seq_length($0, s) }
    }

    /// Concatenation of strings; the empty string when there are none.
    public func concat(_ strings: [Term]) throws -> Term {
        if strings.isEmpty { return try string("") }
        if strings.count == 1 {
            _ = try handle(strings[0])
            return strings[0]
        }
        let args = try handles(strings)
        return try term { Z3_mk_seq_concat($0, UInt32(args.count), args) }
    }

    // MARK: Regular expressions

    /// The regular expression matching exactly the string `literal`.
    public func regexLiteral(_ literal: String) throws -> Term {
        let s = try string(literal)
        return try term { Z3_mk_seq_to_re($0, s.raw) }
    }

    /// The regular expression matching every string (SQL LIKE's `%`).
    public func regexAnyString() throws -> Term {
        let sort = try regexSort
        return try term { Z3_mk_re_full($0, sort.raw) }
    }

    /// The regular expression matching any single character (SQL LIKE's `_`).
    ///
    /// Z3 4.8.12 has no `Z3_mk_re_allchar`, so this is the range of all characters it supports.
    public func regexAnyCharacter() throws -> Term {
        try regexRange(from: "\u{0}", to: Unicode.Scalar(Z3Context.maxCharacter) ?? "\u{FFFF}")
    }

    /// The regular expression matching one character between `lower` and `upper`, inclusive.
    public func regexRange(from lower: Unicode.Scalar, to upper: Unicode.Scalar) throws -> Term {
        let (lo, hi) = (try string(String(lower)), try string(String(upper)))
        return try term { Z3_mk_re_range($0, lo.raw, hi.raw) }
    }

    /// The regular expression matching the concatenation of the operands' languages.
    public func regexConcat(_ operands: [Term]) throws -> Term {
        if operands.isEmpty { return try regexLiteral("") }
        if operands.count == 1 {
            _ = try handle(operands[0])
            return operands[0]
        }
        let args = try handles(operands)
        return try term { Z3_mk_re_concat($0, UInt32(args.count), args) }
    }

    /// The regular expression matching any of the operands; it matches nothing when there are none.
    public func regexUnion(_ operands: [Term]) throws -> Term {
        if operands.isEmpty {
            let sort = try regexSort
            return try term { Z3_mk_re_empty($0, sort.raw) }
        }
        if operands.count == 1 {
            _ = try handle(operands[0])
            return operands[0]
        }
        let args = try handles(operands)
        return try term { Z3_mk_re_union($0, UInt32(args.count), args) }
    }

    /// Zero or more repetitions: `re*`.
    public func regexStar(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_mk_re_star($0, a) }
    }

    /// One or more repetitions: `re+`.
    public func regexPlus(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_mk_re_plus($0, a) }
    }

    /// Zero or one occurrence: `re?`.
    public func regexOption(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_mk_re_option($0, a) }
    }

    /// Whether `string` is in the language of `regex`.
    public func matches(_ string: Term, _ regex: Term) throws -> Term {
        let (s, r) = (try handle(string), try handle(regex))
        return try term { Z3_mk_seq_in_re($0, s, r) }
    }

    /// The regular expression of an SQL `LIKE` pattern: `%` is any string, `_` any one character,
    /// `escape` (backslash by default, `nil` for none) makes the next character literal.
    ///
    /// The pattern is read by Unicode scalar, as PostgreSQL reads it by code point, so `_`
    /// matches one code point even where a person would see a combining sequence as one letter.
    /// - Throws: `SolverError` when the pattern ends with the escape character, as PostgreSQL does.
    public func likeRegex(_ pattern: String, escape: Unicode.Scalar? = "\\") throws -> Term {
        var pieces: [Term] = []
        var literal = String.UnicodeScalarView()
        var escaping = false
        var lastWasPercent = false
        func flushLiteral() throws {
            if !literal.isEmpty { pieces.append(try regexLiteral(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        for scalar in pattern.unicodeScalars {
            if escaping {
                literal.append(scalar)
                escaping = false
                lastWasPercent = false
            } else if scalar == escape {
                escaping = true
            } else if scalar == "%" {
                try flushLiteral()
                if !lastWasPercent { pieces.append(try regexAnyString()) }
                lastWasPercent = true
            } else if scalar == "_" {
                try flushLiteral()
                pieces.append(try regexAnyCharacter())
                lastWasPercent = false
            } else {
                literal.append(scalar)
                lastWasPercent = false
            }
        }
        guard !escaping else {
            throw SolverError(kind: .wrapper, message: "LIKE pattern must not end with escape character", operation: "likeRegex(_:escape:)")
        }
        try flushLiteral()
        return try regexConcat(pieces)
    }

    // MARK: Reading string literals back

    /// The character codes of a string literal.
    ///
    /// Z3 4.8.12 prints a string with printable ASCII as itself and other characters as
    /// `\u{hex}`, but a backslash as itself too, so `\u{41}` could be "A" or six characters, and
    /// `Z3_get_lstring` garbles characters above 0xFF. Without a backslash the printed form is
    /// exact; otherwise each character is read alone, where the printed form is unambiguous.
    func characterCodes(ofLiteral literal: Term) throws -> [UInt32] {
        let printed = try call { Z3_get_string($0, literal.raw).map { String(cString: $0) } } ?? ""
        if !printed.utf8.contains(UInt8(ascii: "\\")) {
            return printed.utf8.map { UInt32($0) }
        }
        let lengthTerm = try simplify(length(literal))
        var count: Int64 = 0
        let read = try call { Z3_get_numeral_int64($0, lengthTerm.raw, &count) }
        guard read, count >= 0 else {
            throw SolverError(kind: .wrapper, message: "could not read the length of \(literal)", operation: #function)
        }
        var codes: [UInt32] = []
        codes.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let position = try int(index)
            let character = try simplify(term { Z3_mk_seq_at($0, literal.raw, position.raw) })
            let one = try call { Z3_get_string($0, character.raw).map { String(cString: $0) } } ?? ""
            let bytes = Array(one.utf8)
            if bytes.count == 1 {
                codes.append(UInt32(bytes[0]))
            } else if one.hasPrefix("\\u{"), one.hasSuffix("}"),
                let code = UInt32(one.dropFirst(3).dropLast(), radix: 16)
            {
                codes.append(code)
            } else {
                throw SolverError(kind: .wrapper, message: "unexpected character literal \(one) in \(literal)", operation: #function)
            }
        }
        return codes
    }
}
