// Examples for the java pack's cookie-attribute rule on code that copies cookie flags or writes a
// Set-Cookie header by hand.
package examples;

import java.net.HttpCookie;

public class CookieText {

    String toHeader(HttpCookie cookie) {
        StringBuilder builder = new StringBuilder(cookie.getName()).append('=').append(cookie.getValue());
        // expect: cookie-security-flags
        if (cookie.getSecure()) {
            // expect: cookie-security-flags
            builder.append("; Secure");
        }
        // expect: cookie-security-flags
        if (cookie.isHttpOnly()) {
            // expect: cookie-security-flags
            builder.append("; HttpOnly");
        }
        // expect: cookie-security-flags
        builder.append("; SameSite=Lax");
        return builder.toString();
    }

    String notCookieFlags(Prefs prefs, Request request, Response response) {
        // ok: cookie-security-flags
        boolean secureMode = prefs.getBoolean("secure", false);
        // ok: cookie-security-flags
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        // ok: cookie-security-flags
        String label = "secure";
        // ok: cookie-security-flags
        return request.getParameter("cookie_consent");
    }
}
