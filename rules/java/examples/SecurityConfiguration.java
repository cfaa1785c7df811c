// Examples for the java pack's security configuration rules.
package examples;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.cors.CorsConfiguration;

@Configuration
// expect: web-security-configuration
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    // expect: web-security-configuration
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        // expect: csrf-protection-disabled
        http.csrf(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(auth -> {
                // expect: access-rule-call
                auth.requestMatchers("/health").permitAll();
                // expect: access-rule-call
                auth.requestMatchers("/admin/**").hasRole("ADMIN");
                // expect: access-rule-call
                auth.anyRequest().authenticated();
            });
        return http.build();
    }

    @Bean
    // expect: web-security-configuration
    public SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // expect: csrf-protection-disabled
        http.csrf().disable();
        // expect: csrf-protection-disabled
        http.csrf(c -> c.ignoringRequestMatchers("/webhooks/**"));
        return http.build();
    }

    // ok: web-security-configuration
    @Bean
    public java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    // ok: web-security-configuration
    public String banner() {
        return "shop";
    }

    void toggles(FeatureFlags flags) {
        // ok: csrf-protection-disabled, access-rule-call
        flags.disable("new-checkout");
        // ok: csrf-protection-disabled, access-rule-call
        flags.enable("csrf-banner");
    }

    boolean loggedIn(org.springframework.security.core.Authentication auth) {
        // ok: access-rule-call
        return auth.isAuthenticated();
    }

    interface FeatureFlags {
        void disable(String name);

        void enable(String name);
    }

    // expect: cors-configuration
    @CrossOrigin(origins = "https://shop.example")
    public String corsEndpoint() {
        return "ok";
    }

    CorsConfiguration cors() {
        CorsConfiguration config = new CorsConfiguration();
        // expect: cors-configuration
        config.setAllowedOrigins(java.util.List.of("https://shop.example"));
        // expect: cors-configuration
        config.setAllowCredentials(true);
        return config;
    }

    String origin(jakarta.servlet.http.HttpServletRequest request) {
        // ok: cors-configuration
        return request.getHeader("Origin");
    }

    String corsLabel() {
        // ok: cors-configuration
        return "cors";
    }

    SSLContext tls() throws Exception {
        // expect: tls-trust-configuration
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, null, null);
        return ctx;
    }

    void pin(HttpsURLConnection conn, HostnameVerifier verifier) {
        // expect: tls-trust-configuration
        conn.setHostnameVerifier(verifier);
    }

    void insecure(HttpsURLConnection conn) {
        // expect: tls-trust-configuration, tls-verification-disabled
        conn.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    }

    // expect: web-security-configuration
    static final class TrustEverything implements X509TrustManager {
        @Override
        // expect: tls-trust-configuration, tls-verification-disabled
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        // expect: tls-trust-configuration, tls-verification-disabled
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        // expect: tls-trust-configuration
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    // expect: web-security-configuration
    static final class PinningTrust implements X509TrustManager {
        private final X509TrustManager delegate;

        PinningTrust(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        // expect: tls-trust-configuration
        // ok: tls-verification-disabled
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        // expect: tls-trust-configuration
        // ok: tls-verification-disabled
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        // expect: tls-trust-configuration
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    // expect: web-security-configuration
    static final class AcceptAll implements HostnameVerifier {
        @Override
        // expect: tls-verification-disabled
        public boolean verify(String host, SSLSession session) {
            return true;
        }
    }

    String trustStorePath() {
        // ok: tls-trust-configuration
        return System.getProperty("javax.net.ssl.trustStore");
    }

    String tlsVersion() {
        // ok: tls-trust-configuration, tls-verification-disabled
        return "TLSv1.3";
    }

    void lambdas(HttpsURLConnection connection, javax.net.ssl.SSLSocketFactory factory) {
        // expect: tls-trust-configuration, tls-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
        // expect: tls-trust-configuration
        // ok: tls-verification-disabled
        connection.setHostnameVerifier((hostname, session) -> hostname.equals("api.example.com"));
    }
}
