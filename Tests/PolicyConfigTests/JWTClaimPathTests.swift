import PolicyConfig
import Testing

/// The SQL forms whose JWT claim a repro script can set (`SessionProfile.jwtClaimPath(forSQL:)`).
@Suite struct JWTClaimPathTests {
    @Test func claimReadsAreRecognized() {
        #expect(SessionProfile.jwtClaimPath(forSQL: "auth.jwt() ->> 'org_id'") == ["org_id"])
        #expect(SessionProfile.jwtClaimPath(forSQL: "(auth.jwt() ->> 'org_id')::uuid") == ["org_id"])
        #expect(SessionProfile.jwtClaimPath(forSQL: " ( AUTH.JWT()->>'Org Id' ) :: uuid ") == ["Org Id"])
        #expect(SessionProfile.jwtClaimPath(forSQL: "auth.jwt() -> 'app_metadata' ->> 'tenant'") == ["app_metadata", "tenant"])
        #expect(SessionProfile.jwtClaimPath(forSQL: "auth.jwt() ->> 'it''s'") == ["it's"])
        #expect(SessionProfile.jwtClaimPath(forSQL: "current_setting('request.jwt.claim.org', true)") == ["org"])
        #expect(SessionProfile.claimSetting(forSQL: "current_setting('request.jwt.claim.org', true)::uuid") == "request.jwt.claim.org")
        #expect(SessionProfile.claimSetting(forSQL: "auth.jwt() ->> 'org'") == nil)
    }

    @Test func otherSQLIsNot() {
        for sql in [
            "auth.jwt()", "auth.uid()", "auth.jwt() -> 'org'", "auth.jwt() ->> 'a' ->> 'b'", "lower(auth.jwt() ->> 'team')",
            "auth.jwt() ->> 'a' || 'b'", "current_setting('request.jwt.claim.org')", "current_setting('app.org', true)",
            "current_setting('request.jwt.claim.', true)", "auth.jwt() ->> 'unterminated", "other.jwt() ->> 'a'",
        ] {
            #expect(SessionProfile.jwtClaimPath(forSQL: sql) == nil, "\(sql)")
        }
    }
}
