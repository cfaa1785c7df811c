// Examples for the java pack's security-headers rule.
package examples;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

public class Headers {

    void hardening(HttpServletResponse response) {
        // expect: security-headers
        response.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        // expect: security-headers
        response.setHeader("X-Frame-Options", "DENY");
        // ok: security-headers
        response.setHeader("Cache-Control", "no-store");
    }

    void springHeaders(HttpSecurity http) throws Exception {
        // expect: security-headers
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'")));
    }

    void etag(HttpServletResponse response, String etag) {
        // ok: security-headers
        response.setHeader("ETag", etag);
    }
}
