// Examples for the java pack's secret-comparison, otp-call and security-context-access rules.
package examples;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

public class MoreChecks {

    private final GoogleAuthenticator googleAuthenticator = newAuthenticator();

    boolean webhookOk(byte[] expectedSignature, byte[] received) {
        // expect: secret-comparison
        return Arrays.equals(expectedSignature, received);
    }

    boolean apiKeyOk(String apiKey, String storedKey) {
        // expect: secret-comparison
        return apiKey.equals(storedKey);
    }

    boolean isOpenParen(String token) {
        // ok: secret-comparison
        return token.equals("(");
    }

    boolean sameSkus(List<String> a, List<String> b) {
        // ok: secret-comparison
        return a.equals(b);
    }

    static GoogleAuthenticator newAuthenticator() {
        // expect: otp-call
        return new GoogleAuthenticator();
    }

    boolean secondFactor(String secretKey, int code) {
        // expect: otp-call
        return googleAuthenticator.authorize(secretKey, code);
    }

    boolean validZip(String code) {
        // ok: otp-call
        return code.length() == 5;
    }

    String codeLabel(int code) {
        // ok: otp-call
        return "#" + code;
    }

    String currentUser() {
        // expect: security-context-access
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    // expect: security-context-access
    List<String> myOrders(@AuthenticationPrincipal Jwt jwt) {
        return List.of(jwt.getSubject());
    }

    String threadName() {
        // ok: security-context-access
        return Thread.currentThread().getName();
    }

    String contextPath(jakarta.servlet.http.HttpServletRequest request) {
        // ok: security-context-access
        return request.getContextPath();
    }

    Authentication login(org.springframework.security.authentication.AuthenticationManager authenticationManager, String user, String pw) {
        // expect: authentication-attempt-call
        return authenticationManager.authenticate(new UsernamePasswordAuthenticationToken(user, pw));
    }

    Authentication trusted(String user) {
        // expect: authentication-attempt-call
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }

    String tokenize(String text) {
        // ok: authentication-attempt-call
        return String.join(" ", text.split(","));
    }

    Object parse(com.fasterxml.jackson.databind.ObjectMapper mapper, String json) throws Exception {
        // ok: authentication-attempt-call
        return mapper.readTree(json);
    }
}
