// Examples for the java pack's verification-error and secret-from-configuration rules.
package examples;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import java.io.IOException;
import javax.crypto.AEADBadTagException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

public class SecretsAndErrors {

    boolean validateToken(JwtParser parser, String token) {
        try {
            parser.parse(token);
            return true;
        // expect: verification-error-handling
        } catch (ExpiredJwtException | IllegalArgumentException e) {
            return false;
        }
    }

    byte[] open(Decryptor decryptor, byte[] sealed) {
        try {
            return decryptor.open(sealed);
        // expect: verification-error-handling
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("tampered");
        }
    }

    Object fetch(Loader loader) {
        try {
            return loader.load();
        // ok: verification-error-handling
        } catch (IOException e) {
            return null;
        }
    }

    int parse(String text) {
        try {
            return Integer.parseInt(text);
        // ok: verification-error-handling
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String dbPassword() {
        // expect: secret-from-configuration
        return System.getenv("DB_PASSWORD");
    }

    String signingKey(Environment env) {
        // expect: secret-from-configuration
        return env.getRequiredProperty("app.jwt.secret");
    }

    // expect: secret-from-configuration
    SecretsAndErrors(@Value("${stripe.api-key}") String stripeKey) {
    }

    String home() {
        // ok: secret-from-configuration
        return System.getProperty("user.home");
    }

    String pageSize(Environment env) {
        // ok: secret-from-configuration
        return env.getProperty("app.pagination.cursor-size");
    }

    // ok: secret-from-configuration
    SecretsAndErrors(@Value("${server.port}") int port) {
    }

    void call(java.net.HttpURLConnection conn, String token) {
        // expect: auth-header-access
        conn.setRequestProperty("Authorization", "Bearer " + token);
        // ok: auth-header-access
        conn.setRequestProperty("Accept", "application/json");
    }

    String filter(ContainerRequest request) {
        // expect: auth-header-access
        return request.getHeaderString("Authorization");
    }
}
