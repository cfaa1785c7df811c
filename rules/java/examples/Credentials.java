// Examples for the java pack's credential rules.
package examples;

public class Credentials {

    // expect: hardcoded-secret
    private static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    // expect: hardcoded-secret
    private static final String stripeSecretKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

    // ok: hardcoded-secret
    private static final String CSRF_HEADER_NAME = "X-CSRF-Token";

    // ok: hardcoded-secret
    private static final String SESSION_COOKIE = "shop_session";

    String fromEnv() {
        // ok: hardcoded-secret
        return System.getenv("SIGNING_SECRET");
    }

    static final class ClientSettings {
        private String clientId;
        // expect: credential-field
        private String clientSecret;
        // expect: credential-field
        private char[] password;
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
