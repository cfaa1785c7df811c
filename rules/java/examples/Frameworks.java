// Examples for the java pack's framework rules: Spring Security builders and mechanisms, CSRF
// tokens, security callbacks, access refusals, permission APIs and session identity.
package examples;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.cert.X509Certificate;
import java.util.StringTokenizer;
import javax.net.ssl.SSLSession;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authz.annotation.RequiresPermissions;
import org.apache.shiro.authz.annotation.RequiresRoles;
import org.apache.shiro.subject.Subject;
import org.hibernate.Session;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.builders.WebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

public class Frameworks {

    // expect: security-builder-parameter
    protected void configure(HttpSecurity http) throws Exception {
        // expect: authentication-mechanism-configuration
        http.httpBasic().and().formLogin().loginPage("/login");
    }

    // expect: security-builder-parameter
    public void configure(AuthenticationManagerBuilder auth) throws Exception {
        // expect: authentication-mechanism-configuration
        auth.inMemoryAuthentication().withUser("ops").password("{bcrypt}x").roles("OPS");
    }

    // expect: security-builder-parameter
    public void customize(WebSecurity web) {
        // expect: authentication-mechanism-configuration
        web.ignoring().requestMatchers("/static/**");
    }

    // ok: security-builder-parameter
    public String fetch(WebClient client) {
        return client.get().retrieve().bodyToMono(String.class).block();
    }

    // ok: security-builder-parameter
    public void configureJson(ObjectMapperBuilder builder) {
        builder.indent(true);
    }

    // expect: security-builder-parameter
    void filters(HttpSecurity http, JwtFilter jwtFilter) {
        // expect: authentication-mechanism-configuration
        http.addFilterBefore(jwtFilter, UsernamePasswordFilter.class);
        // expect: authentication-mechanism-configuration
        http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(null)));
    }

    InMemoryUserDetailsManager users() {
        // expect: authentication-mechanism-configuration
        return new InMemoryUserDetailsManager();
    }

    void notSecurity(QueryBuilder q, FormBuilder form) {
        // ok: authentication-mechanism-configuration
        q.ignoringCase().where("name");
        // ok: authentication-mechanism-configuration
        form.addField("email");
    }

    // expect: security-builder-parameter
    void csrf(HttpSecurity http) throws Exception {
        // expect: csrf-token-handling
        http.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
    }

    // expect: csrf-token-handling
    String csrfToken(CsrfToken token) {
        return token.getToken();
    }

    String lexer(StringTokenizer tokens) {
        // ok: csrf-token-handling
        return tokens.nextToken();
    }

    // ok: csrf-token-handling
    String cursorToken(PageCursor cursor) {
        return cursor.nextPageToken();
    }

    // expect: security-object-parameter, login-throttling-definition
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        request.getSession().setMaxInactiveInterval(900);
    }

    // expect: security-object-parameter
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        response.setHeader("WWW-Authenticate", "Bearer");
    }

    // expect: security-object-parameter
    public boolean verify(String hostname, SSLSession session) {
        return hostname.equals(session.getPeerHost());
    }

    // expect: security-object-parameter
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        chain[0].getSubjectX500Principal();
    }

    // expect: security-object-parameter
    public java.util.List<String> myOrders(java.security.Principal principal) {
        return java.util.List.of(principal.getName());
    }

    // ok: security-object-parameter
    public void save(Session session, Object entity) {
        session.persist(entity);
    }

    // ok: security-object-parameter
    public int hashCode(ParseToken token) {
        return token.hashCode();
    }

    Document load(Document doc, User user) {
        if (!doc.getOwnerId().equals(user.getId())) {
            // expect: access-denial
            throw new AccessDeniedException("not yours");
        }
        return doc;
    }

    void login(boolean ok) {
        if (!ok) {
            // expect: access-denial
            throw new BadCredentialsException("Bad credentials");
        }
    }

    void apiKey(HttpServletResponse response, boolean valid) throws java.io.IOException {
        if (!valid) {
            // expect: access-denial
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    void tenant(boolean sameTenant) {
        if (!sameTenant) {
            // expect: access-denial
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "other tenant");
        }
    }

    void notFound(HttpServletResponse response) throws java.io.IOException {
        // ok: access-denial
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    void badInput(String token) {
        // ok: access-denial
        throw new IllegalArgumentException("unexpected token " + token);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> mapDenied(AccessDeniedException e) {
        // ok: access-denial
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body("forbidden");
    }

    // expect: framework-access-annotation
    @RequiresPermissions("invoice:refund")
    void refund(Subject subject, String invoiceId) {
        // expect: permission-check-call
        subject.checkPermission("invoice:refund:" + invoiceId);
    }

    boolean canEdit(Subject subject) {
        // expect: permission-check-call
        return subject.isPermitted("document:edit");
    }

    int callerUid() {
        // expect: permission-check-call
        return android.os.Binder.getCallingUid();
    }

    void notPermissions(Inventory inventory, Spelling spelling) {
        // ok: permission-check-call
        inventory.checkStock("sku-1");
        // ok: permission-check-call
        spelling.checkSpelling("role");
    }

    // expect: framework-access-annotation
    @RequiresRoles("admin")
    void purge() {
    }

    // expect: framework-access-annotation
    @jakarta.annotation.security.DeclareRoles({"admin", "user"})
    static class AdminServlet {
    }

    // ok: framework-access-annotation
    @Deprecated
    void old() {
    }

    // ok: framework-access-annotation
    @SuppressWarnings("unchecked")
    void raw() {
    }

    void afterLogin(HttpServletRequest request, AppUser user) {
        request.changeSessionId();
        // expect: session-identity-call
        request.getSession().setAttribute("user", user.getId());
    }

    Object current(HttpSession session) {
        // expect: session-identity-call
        return session.getAttribute("currentUser");
    }

    // expect: security-object-parameter
    void setContext(Authentication verified) {
        // expect: session-identity-call
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        // expect: session-identity-call
        context.setAuthentication(verified);
    }

    boolean shiroLogin() {
        // expect: session-identity-call
        Subject subject = SecurityUtils.getSubject();
        return subject.isAuthenticated();
    }

    void preferences(HttpSession session, Cart cart) {
        // ok: session-identity-call
        session.setAttribute("theme", "dark");
        // ok: session-identity-call
        cart.setAttribute("user", "gift");
    }

    // expect: origin-policy-check
    boolean isSameOrigin(String origin, String host) {
        return origin.equals("https://" + host);
    }

    // expect: origin-policy-check
    boolean domainMatches(String domain, String host) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    boolean csrfOrigin(HttpServletRequest request) {
        // expect: origin-policy-check
        String origin = request.getHeader("Origin");
        return origin != null;
    }

    // ok: origin-policy-check
    String originalFilename(Upload upload) {
        return upload.getOriginalFilename();
    }

    String agent(HttpServletRequest request) {
        // ok: origin-policy-check
        return request.getHeader("User-Agent");
    }

    static class AccountDetails {
        private String role;
        private boolean locked;

        // expect: user-account-status-definition
        public java.util.List<String> getAuthorities() {
            return java.util.List.of("ROLE_" + role);
        }

        // expect: user-account-status-definition
        public boolean isAccountNonLocked() {
            return !locked;
        }

        // ok: user-account-status-definition
        public boolean isEnabledFeature() {
            return true;
        }

        // ok: user-account-status-definition
        public String getAuthor() {
            return "kim";
        }
    }

    static class LoginAttempts {
        private final java.util.Map<String, Integer> failures = new java.util.HashMap<>();

        // expect: login-throttling-definition
        public void loginFailed(String key) {
            failures.merge(key, 1, Integer::sum);
        }

        // expect: login-throttling-definition
        public boolean isBlocked(String key) {
            return failures.getOrDefault(key, 0) >= 5;
        }

        // ok: login-throttling-definition
        public boolean isLocked(java.nio.channels.FileLock lock) {
            return lock.isValid();
        }

        // ok: login-throttling-definition
        public void recordPageView(String page) {
            failures.remove(page);
        }
    }

    void guard(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        if (request.getSession(false) == null) {
            // expect: access-denial
            response.sendRedirect("/login?next=" + request.getRequestURI());
        }
    }

    void afterSave(HttpServletResponse response) throws java.io.IOException {
        // ok: access-denial
        response.sendRedirect("/orders/list");
    }

    // expect: security-object-parameter
    public void handle(javax.security.auth.callback.Callback[] callbacks) {
        callbacks[0].toString();
    }
}
