// Examples for the java pack's session and token rules.
package examples;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import java.util.StringTokenizer;
import javax.crypto.SecretKey;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

public class SessionToken {

    private final SecretKey key;
    private final SessionFactory sessionFactory;

    SessionToken(SecretKey key, SessionFactory sessionFactory) {
        this.key = key;
        this.sessionFactory = sessionFactory;
    }

    Claims parse(String token) {
        // expect: jwt-parse-call, jwt-signing-key-call
        return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    Claims parseLegacy(String token) {
        // expect: jwt-parse-call, jwt-signing-key-call
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }

    int countTokens(String text) {
        // ok: jwt-parse-call
        return new StringTokenizer(text).countTokens();
    }

    java.time.Duration ttl(String text) {
        // ok: jwt-parse-call
        return java.time.Duration.parse(text);
    }

    String issue(String subject) {
        // expect: jwt-sign-call
        return Jwts.builder()
            .subject(subject)
            .expiration(new Date(System.currentTimeMillis() + 900_000))
            // expect: jwt-signing-key-call
            .signWith(key)
            .compact();
    }

    String issueAuth0(String subject, byte[] secretBytes) {
        // expect: jwt-sign-call, jwt-signing-key-call
        return com.auth0.jwt.JWT.create().withSubject(subject).sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(secretBytes));
    }

    StringBuilder builder() {
        // ok: jwt-sign-call, jwt-signing-key-call
        return new StringBuilder().append("x");
    }

    String signature(String name) {
        // ok: jwt-sign-call, jwt-signing-key-call
        return String.join(",", name, "signed");
    }

    String peek(String token) {
        // expect: jwt-unsigned-token, jwt-parse-call
        return Jwts.parserBuilder().build().parseClaimsJwt(token).getBody().getSubject();
    }

    String unsigned(String subject) {
        // expect: jwt-sign-call
        return Jwts.builder().setSubject(subject)
            // expect: jwt-unsigned-token, jwt-signing-key-call
            .signWith(SignatureAlgorithm.NONE, key)
            .compact();
    }

    SignatureAlgorithm hs256() {
        // ok: jwt-unsigned-token
        return SignatureAlgorithm.HS256;
    }

    String none() {
        // ok: jwt-unsigned-token
        return "none";
    }

    void refreshCookie(HttpServletResponse response, String value) {
        // expect: cookie-creation
        Cookie cookie = new Cookie("refresh", value);
        // expect: cookie-security-flags
        cookie.setHttpOnly(true);
        // expect: cookie-security-flags
        cookie.setSecure(true);
        // expect: cookie-security-flags
        cookie.setAttribute("SameSite", "Strict");
        // ok: cookie-security-flags
        cookie.setPath("/api/auth");
        // expect: cookie-creation
        response.addCookie(cookie);
    }

    String springCookie(String value) {
        // expect: cookie-creation
        return ResponseCookie.from("sid", value)
            // expect: cookie-security-flags
            .httpOnly(true)
            .secure(true)
            .sameSite("Lax")
            .build()
            .toString();
    }

    void cacheHeaders(HttpServletResponse response, String etag) {
        // ok: cookie-creation, cookie-security-flags
        response.setHeader("ETag", etag);
        // ok: cookie-creation, cookie-security-flags
        response.setAttribute("locale", "en-GB");
    }

    void signIn(HttpServletRequest request, long userId) {
        // expect: http-session-call
        request.changeSessionId();
        // expect: http-session-call
        request.getSession().setAttribute("uid", userId);
    }

    // expect: http-session-call
    void signOut(HttpSession session) {
        // expect: http-session-call
        session.invalidate();
    }

    void evict(com.google.common.cache.Cache<String, Object> cache, String key) {
        // ok: http-session-call
        cache.invalidate(key);
    }

    void saveOrder(Object order) {
        // ok: http-session-call
        Session session = sessionFactory.getCurrentSession();
        // ok: http-session-call
        session.persist(order);
    }

    // expect: token-issuing-definition
    String newRefreshToken() {
        return java.util.UUID.randomUUID().toString();
    }

    // expect: token-issuing-definition
    String generateApiKey() {
        return "k";
    }

    // ok: token-issuing-definition
    java.util.List<String> tokenize(String query) {
        return java.util.List.of(query.split(" "));
    }

    // ok: token-issuing-definition
    String nextPageToken(int page) {
        return Integer.toString(page + 1);
    }

    // expect: token-verification-definition
    boolean validateToken(String token) {
        return token != null;
    }

    // expect: token-verification-definition
    boolean verifySignature(byte[] payload, byte[] sig) {
        return payload.length > 0 && sig.length > 0;
    }

    // expect: token-verification-definition
    boolean isTokenExpired(String token) {
        return token.isEmpty();
    }

    // ok: token-verification-definition
    boolean isExpired(Date coupon) {
        return coupon.before(new Date());
    }

    // ok: token-verification-definition
    boolean checkTokens(java.util.List<String> tokens) {
        return !tokens.isEmpty();
    }

    // ok: token-verification-definition
    boolean validateTokenizerConfig(String mode) {
        return "words".equals(mode);
    }

    String bearer(HttpServletRequest request) {
        // expect: auth-header-access
        String header = request.getHeader("Authorization");
        return header == null ? null : header.substring(7);
    }

    void forward(HttpHeaders headers, String token) {
        // expect: auth-header-access
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    String ifNoneMatch(HttpServletRequest request) {
        // ok: auth-header-access
        return request.getHeader("If-None-Match");
    }

    void json(HttpHeaders headers) {
        // ok: auth-header-access
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    }
}
