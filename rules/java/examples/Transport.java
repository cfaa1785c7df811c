// Examples for the java pack's rules on switches between verified and unverified connections, and
// on setters that turn TLS, issuer or signature checks on or off.
package examples;

import java.net.HttpURLConnection;
import java.util.Map;
import net.openid.appauth.AppAuthConfiguration;
import net.openid.appauth.connectivity.ConnectionBuilder;
import net.openid.appauth.connectivity.DefaultConnectionBuilder;
import okhttp3.OkHttpClient;

public class Transport {

    // expect: unverified-transport-choice
    ConnectionBuilder connectionBuilder(boolean allowInsecureConnections) {
        if (allowInsecureConnections) {
            // expect: unverified-transport-choice
            return UnsafeConnectionBuilder.INSTANCE;
        }
        return DefaultConnectionBuilder.INSTANCE;
    }

    OkHttpClient client(Config config) {
        if (config.debug) {
            // expect: unverified-transport-choice
            return getUnsafeOkHttpClient();
        }
        // expect: unverified-transport-choice
        return new OkHttpClient.Builder().sslSocketFactory(TrustAllSocketFactory.create(), new TrustAllX509TrustManager()).build();
    }

    // expect: unverified-transport-choice
    HttpClient build(String baseUrl, boolean trustAllCerts) {
        return null;
    }

    // ok: unverified-transport-choice
    ConnectionBuilder pooled(boolean allowRetries, Map<String, String> headers) {
        // ok: unverified-transport-choice
        ConnectionBuilder builder = DefaultConnectionBuilder.INSTANCE;
        // ok: unverified-transport-choice
        ByteString bytes = UnsafeByteOperations.unsafeWrap(new byte[0]);
        return builder;
    }

    // ok: unverified-transport-choice
    void paginate(boolean allowAll, String cursor, boolean insecureContentWarningShown) {
        // ok: unverified-transport-choice
        Object memory = Unsafe.getUnsafe();
    }

    AppAuthConfiguration configuration(ConnectionBuilder builder, boolean skipIssuerHttpsCheck) {
        return new AppAuthConfiguration.Builder()
            .setConnectionBuilder(builder)
            // expect: verification-toggle-call
            .setSkipIssuerHttpsCheck(skipIssuerHttpsCheck)
            .build();
    }

    void clientOptions(HttpClientOptions options, Document document) {
        // expect: verification-toggle-call
        options.setVerifyHost(false);
        // expect: verification-toggle-call
        options.setTrustAllCertificates(true);
        // expect: verification-toggle-call
        document.connection().validateTLSCertificates(false);
    }

    void notChecks(Parser parser, Tour tour, WebSettings settings, Form form) {
        // ok: verification-toggle-call
        parser.setSkipWhitespace(true);
        // ok: verification-toggle-call
        tour.setSkipIntro(true);
        // ok: verification-toggle-call
        settings.setAllowFileAccess(false);
        // ok: verification-toggle-call
        form.ignoreCertainFields("notes");
        // ok: verification-toggle-call
        form.setAcceptCharset("UTF-8");
        // ok: verification-toggle-call
        form.checkHostAvailability();
    }
}
