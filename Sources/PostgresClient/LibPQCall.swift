/// The kind of libpq call whose outcome `LibPQ.check` judges.
enum LibPQCall {
    /// `PQconnectdbParams`: the handle is a `PGconn*`, good when `PQstatus` is `CONNECTION_OK`.
    case connect
    /// `PQexec`/`PQexecParams`: the handle is a `PGresult*`, good when its status is
    /// `COMMAND_OK`, `TUPLES_OK` or `EMPTY_QUERY`; a failed result is cleared here.
    case execute
    /// A call that returns memory or `NULL` (`PQescapeLiteral`, `PQencryptPasswordConn`):
    /// on `NULL` the connection's error message says why.
    case allocate
    /// `PQconninfoParse`: on `NULL`, `errorMessage` says why (freed here); when
    /// `hidesQuotedText` is set, quoted fragments of that message (pieces of the string that
    /// may hold a password) are replaced by `***`.
    case parse(errorMessage: UnsafeMutablePointer<CChar>?, hidesQuotedText: Bool)
}
