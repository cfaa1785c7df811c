// Examples for the java pack's authentication and credential rules.
package examples;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.mindrot.jbcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

public class Authentication {

    private final PasswordEncoder passwordEncoder;
    private final UserRepository users;

    Authentication(PasswordEncoder passwordEncoder, UserRepository users) {
        this.passwordEncoder = passwordEncoder;
        this.users = users;
    }

    PasswordEncoder strongEncoder() {
        // expect: password-encoder
        return new BCryptPasswordEncoder(12);
    }

    // expect: credential-parameter
    void register(String email, String rawPassword) {
        AppUser user = new AppUser(email);
        // expect: password-setter-call, password-encoder
        user.setPassword(passwordEncoder.encode(rawPassword));
        users.save(user);
    }

    String encodeForUrl(String value) {
        // ok: password-encoder
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String base64(byte[] value) {
        // ok: password-encoder
        return new String(Base64.getEncoder().encode(value), StandardCharsets.US_ASCII);
    }

    PasswordEncoder plaintext() {
        // expect: plaintext-password-encoder
        return NoOpPasswordEncoder.getInstance();
    }

    String hashLegacy(String pw) {
        // expect: plaintext-password-encoder
        return new org.springframework.security.crypto.password.MessageDigestPasswordEncoder("MD5").encode(pw);
    }

    PasswordEncoder bcrypt() {
        // ok: plaintext-password-encoder
        // expect: password-encoder
        return new BCryptPasswordEncoder();
    }

    String noOpLabel() {
        // ok: plaintext-password-encoder
        return "noop";
    }

    // expect: authentication-definition, credential-parameter
    boolean login(String email, String password) {
        AppUser user = users.findByEmail(email);
        // expect: password-verify-call
        return user != null && passwordEncoder.matches(password, user.getPasswordHash());
    }

    // expect: credential-parameter
    boolean legacyCheck(String candidate, String hashed, String pinCode) {
        // expect: password-verify-call
        return BCrypt.checkpw(candidate, hashed);
    }

    boolean isSku(String code) {
        // ok: password-verify-call
        return code.matches("[A-Z]{3}-\\d{4}");
    }

    boolean isEmail(String value) {
        // ok: password-verify-call
        return value.matches(".+@.+");
    }

    void connect(javax.sql.DataSource ds, DbConfig config) {
        // expect: password-setter-call
        config.setPassword(System.getenv("DB_PASSWORD"));
    }

    void rename(AppUser user, String name) {
        // ok: password-setter-call
        user.setName(name);
    }

    void touch(AppUser user) {
        // ok: password-setter-call
        user.setLastLogin(java.time.Instant.now());
    }

    // ok: credential-parameter
    String cacheGet(java.util.Map<String, String> cache, String key) {
        return cache.get(key);
    }

    // ok: credential-parameter
    String nextPage(String cursor, String pageToken) {
        return cursor + pageToken;
    }

    // ok: authentication-definition
    String loginUrl(String base) {
        return base + "/login";
    }

    // ok: authentication-definition
    String loginPage() {
        return "login";
    }

    // expect: authentication-definition
    public AppUser loadUserByUsername(String username) {
        return users.findByEmail(username);
    }

    interface UserRepository {
        AppUser findByEmail(String email);

        void save(AppUser user);
    }

    interface DbConfig {
        // expect: credential-accessor-definition, credential-parameter
        void setPassword(String password);
    }

    static final class AppUser {
        private final String email;
        private String name;
        // expect: credential-field
        private String passwordHash;
        private java.time.Instant lastLogin;

        AppUser(String email) {
            this.email = email;
        }

        // expect: credential-accessor-definition, credential-parameter
        void setPassword(String password) {
            this.passwordHash = password;
        }

        String getPasswordHash() {
            return passwordHash;
        }

        // ok: credential-accessor-definition
        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        // ok: credential-accessor-definition
        String getPasswordPolicyUrl() {
            return "/help/passwords";
        }

        void setLastLogin(java.time.Instant at) {
            this.lastLogin = at;
        }
    }
}
