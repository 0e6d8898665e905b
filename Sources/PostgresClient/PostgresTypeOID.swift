/// The OIDs of the built-in PostgreSQL types the decoder knows (`pg_type.oid`, fixed in
/// every PostgreSQL release).
public enum PostgresTypeOID {
    /// `bool`.
    public static let bool: UInt32 = 16
    /// `bytea`.
    public static let bytea: UInt32 = 17
    /// `"char"` (one byte, e.g. `relkind`).
    public static let char: UInt32 = 18
    /// `name`.
    public static let name: UInt32 = 19
    /// `int8`.
    public static let int8: UInt32 = 20
    /// `int2`.
    public static let int2: UInt32 = 21
    /// `int2vector` (e.g. `pg_index.indkey`), space-separated.
    public static let int2vector: UInt32 = 22
    /// `int4`.
    public static let int4: UInt32 = 23
    /// `text`.
    public static let text: UInt32 = 25
    /// `oid`.
    public static let oid: UInt32 = 26
    /// `oidvector` (e.g. `pg_proc.proargtypes`), space-separated.
    public static let oidvector: UInt32 = 30
    /// `json`.
    public static let json: UInt32 = 114
    /// `float4`.
    public static let float4: UInt32 = 700
    /// `float8`.
    public static let float8: UInt32 = 701
    /// `bpchar` (`char(n)`).
    public static let bpchar: UInt32 = 1042
    /// `varchar`.
    public static let varchar: UInt32 = 1043
    /// `numeric`.
    public static let numeric: UInt32 = 1700
    /// `uuid`.
    public static let uuid: UInt32 = 2950
    /// `jsonb`.
    public static let jsonb: UInt32 = 3802
    /// `timestamp`.
    public static let timestamp: UInt32 = 1114
    /// `timestamptz`.
    public static let timestamptz: UInt32 = 1184

    /// The built-in array types (`_bool`, `_name`, `_text`, `_oid`, `_aclitem`, ...), whose
    /// values are decoded as `.array`.
    public static let arrays: Set<UInt32> = [
        143, // _xml
        199, // _json
        1000, // _bool
        1001, // _bytea
        1002, // _char
        1003, // _name
        1005, // _int2
        1006, // _int2vector
        1007, // _int4
        1008, // _regproc
        1009, // _text
        1013, // _oidvector
        1014, // _bpchar
        1015, // _varchar
        1016, // _int8
        1021, // _float4
        1022, // _float8
        1028, // _oid
        1034, // _aclitem
        1040, // _macaddr
        1041, // _inet
        1115, // _timestamp
        1182, // _date
        1183, // _time
        1185, // _timestamptz
        1187, // _interval
        1231, // _numeric
        1263, // _cstring
        1270, // _timetz
        2201, // _refcursor
        2207, // _regprocedure
        2208, // _regoper
        2209, // _regoperator
        2210, // _regclass
        2211, // _regtype
        2949, // _txid_snapshot
        2951, // _uuid
        3807, // _jsonb
        4089, // _regnamespace
        4090, // _regrole
    ]
}
