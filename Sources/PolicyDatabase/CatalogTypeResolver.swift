import PolicySchema

/// Turns catalog type OIDs into the `SQLType`s the SQL schema reader gives the same types:
/// built-in types by their normalized name, user types as `schema.name` with the family of
/// what they behave like (enums like text, domains like their base type), arrays as `x[]`.
struct CatalogTypeResolver {
    /// One user-defined type, as `pg_type` describes it.
    struct UserType {
        /// Its schema.
        var schema: String
        /// Its name.
        var name: String
        /// `typtype`: `b` base, `d` domain, `e` enum, `r` range, `m` multirange, `p` pseudo.
        var kind: String
        /// `typcategory`: `A` for arrays.
        var category: String
        /// The domain's base type, when it is a domain.
        var baseOID: Int?
        /// `format_type` of the base type.
        var baseText: String?
        /// The element type, when it is an array.
        var elementOID: Int?
        /// `format_type` of the element type.
        var elementText: String?
        /// Whether a domain is NOT NULL (`typnotnull`).
        var notNull = false
        /// A domain's CHECK constraints, as `pg_get_constraintdef` prints them.
        var checks: [String] = []
        /// An enum's labels in order.
        var labels: [String] = []
    }

    /// User-defined types (everything outside `pg_catalog`) by OID.
    var userTypes: [Int: UserType] = [:]

    /// The type with OID `oid`, printed by `format_type` as `text`.
    func type(oid: Int?, text: String) -> SQLType {
        resolve(oid: oid, text: text, depth: 0)
    }

    /// The domains among the user types, each with its base followed to a type that is not a domain.
    func domains() -> [DomainModel] {
        userTypes.values.filter { $0.kind == "d" }.map { domain in
            var base = resolve(oid: domain.baseOID, text: domain.baseText ?? "", depth: 1)
            var notNull = domain.notNull
            var checks = domain.checks
            var next = domain.baseOID.flatMap { userTypes[$0] }
            var depth = 1
            while let inner = next, inner.kind == "d", depth < 16 {
                base = resolve(oid: inner.baseOID, text: inner.baseText ?? "", depth: depth + 1)
                notNull = notNull || inner.notNull
                checks += inner.checks
                next = inner.baseOID.flatMap { userTypes[$0] }
                depth += 1
            }
            return DomainModel(
                name: QualifiedName(schema: domain.schema, name: domain.name), base: base, notNull: notNull,
                checks: checks)
        }
    }

    /// The enums and composite types among the user types (domains are `domains()`; arrays,
    /// ranges and base types are not listed).
    func enumsAndComposites() -> [UserTypeModel] {
        userTypes.values.compactMap { type in
            let name = QualifiedName(schema: type.schema, name: type.name)
            switch type.kind {
            case "e": return UserTypeModel(name: name, kind: .enumeration, labels: type.labels)
            case "c": return UserTypeModel(name: name, kind: .composite)
            default: return nil
            }
        }
    }

    private func resolve(oid: Int?, text: String, depth: Int) -> SQLType {
        guard let oid, let user = userTypes[oid], depth < 16 else { return SQLType.normalize(text) }
        let qualified = "\(user.schema).\(user.name)"
        switch user.kind {
        case "e":
            return SQLType(name: qualified, family: .text)
        case "d":
            let base = resolve(oid: user.baseOID, text: user.baseText ?? "", depth: depth + 1)
            return SQLType(name: qualified, family: base.family == .array ? .array : base.family)
        case "b" where user.category == "A":
            let element = resolve(oid: user.elementOID, text: user.elementText ?? "", depth: depth + 1)
            if element.family == .array { return element }
            return SQLType(name: element.name + "[]", family: .array)
        case "b":
            // An extension type such as public.citext behaves as the built-in name says.
            let builtin = SQLType.normalize(user.name)
            if builtin.family != .other, SQLType.isBuiltin(builtin.name) { return builtin }
            return SQLType(name: qualified, family: .other)
        default:
            return SQLType(name: qualified, family: .other)
        }
    }
}
