import SQLExpression

/// Follows the words of one statement to know whether a `;` lies inside the
/// `BEGIN ATOMIC ... END` body of `CREATE [OR REPLACE] FUNCTION|PROCEDURE`.
struct RoutineBodyTracker {
    /// How many `BEGIN` (and `CASE` inside them) are open.
    private(set) var depth = 0
    private var wordCount = 0
    private var isRoutine = false
    private var startsWithCreate = false
    private var sawOr = false
    private var parenDepth = 0

    /// Takes the next token of the statement into account.
    mutating func observe(_ token: SQLToken) {
        switch token.kind {
        case .leftParen:
            parenDepth += 1
        case .rightParen:
            parenDepth = max(0, parenDepth - 1)
        case .word:
            wordCount += 1
            switch wordCount {
            case 1:
                startsWithCreate = token.isWord("create")
            case 2 where startsWithCreate:
                if token.isWord("or") {
                    sawOr = true
                } else {
                    isRoutine = token.isWord("function") || token.isWord("procedure")
                }
            case 4 where startsWithCreate && sawOr:
                isRoutine = token.isWord("function") || token.isWord("procedure")
            default:
                break
            }
            guard isRoutine, parenDepth == 0 else { return }
            if token.isWord("begin") {
                depth += 1
            } else if token.isWord("case"), depth > 0 {
                depth += 1
            } else if token.isWord("end"), depth > 0 {
                depth -= 1
            }
        default:
            break
        }
    }
}
