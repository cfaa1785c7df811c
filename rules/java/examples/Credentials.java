// Examples for the java pack's credential rules.
package examples;

public class Credentials {

    static final class ClientSettings {
        private String clientId;
        // expect: credential-field
        private String clientSecret;
        // expect: credential-field
        private char[] password;
        // expect: credential-field
        private String dbPassword;
        // ok: credential-field
        private boolean showPasswordHint;
        // ok: credential-field
        private String cacheKey;
        // ok: credential-field
        private String nextPageToken;
        // ok: credential-field
        private int passwordMinLength;
    }

    // expect: credential-field
    record ApiCredentials(String user, String apiKey) {}

    // ok: credential-field
    record Page(String cursor, int size) {}
}
