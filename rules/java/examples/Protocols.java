// Examples for the java pack's rules on directory and federated sign-in, passkeys, payments,
// credentials read from requests, algorithm tables, key factories and the widened TLS, OTP,
// random, password-hash, policy-engine and key-invalidation rules.
package examples;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.naming.Context;
import javax.naming.directory.InitialDirContext;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.callback.PasswordCallback;
import android.security.keystore.KeyPermanentlyInvalidatedException;
import com.password4j.Password;
import com.stripe.net.Webhook;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.yubico.webauthn.RelyingParty;
import net.openid.appauth.AuthorizationRequest;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;
import org.casbin.jcasbin.main.Enforcer;
import org.ietf.jgss.GSSManager;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

public class Protocols {

    // expect: secure-random-call
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new java.util.HashMap<>();

    // --- directory-authentication-call

    void jndi(String userDn, char[] pass) throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        // expect: directory-authentication-call
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        // ok: directory-authentication-call
        env.put(Context.PROVIDER_URL, "ldaps://ldap.example.test");
        // expect: directory-authentication-call
        new InitialDirContext(env);
    }

    void unboundid(LDAPConnection connection, String dn, String userPassword) throws Exception {
        // expect: directory-authentication-call
        connection.bind(new SimpleBindRequest(dn, userPassword));
        // expect: directory-authentication-call
        connection.bind(dn, userPassword);
    }

    void kerberos() throws Exception {
        // expect: directory-authentication-call
        GSSManager manager = GSSManager.getInstance();
        // expect: directory-authentication-call
        PasswordCallback callback = new PasswordCallback("Password: ", false);
    }

    void notDirectory(ServerSocketChannel channel, Map<String, String> cache, java.net.InetSocketAddress address) throws Exception {
        // ok: directory-authentication-call
        channel.bind(address);
        // ok: directory-authentication-call
        cache.put("session", "x");
        // ok: directory-authentication-call
        viewBinder.bind(holder, position);
    }

    // --- passkey-credential-call

    void passkeys(RelyingParty relyingParty, Object request, CredentialManager credentialManager, Object getRequest) {
        // expect: passkey-credential-call
        relyingParty.finishAssertion(request);
        // expect: passkey-credential-call
        credentialManager.getCredential(null, getRequest, null, null, null);
        // ok: passkey-credential-call
        cache.getCredentialCount();
        // ok: passkey-credential-call
        registry.startRecording(request);
    }

    // --- federated-sign-in-call

    void oauthClient(Object config, android.net.Uri redirect) {
        // expect: federated-sign-in-call
        ClientRegistration.withRegistrationId("google").clientId("id");
        // ok: federated-sign-in-call
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(config, "client", "code", redirect);
        // expect: federated-sign-in-call
        builder.setCodeVerifier(verifier);
        // ok: federated-sign-in-call
        new Request.Builder().url("https://example.test/authorize").build();
        // ok: federated-sign-in-call
        String authorizeUrl = "https://example.test/authorize?client_id=" + clientId;
    }

    // --- payment-provider-call

    void stripeWebhook(String payload, String signatureHeader, String endpointSecret) throws Exception {
        // expect: payment-provider-call
        Webhook.constructEvent(payload, signatureHeader, endpointSecret);
    }

    boolean playPurchase(Purchase purchase) {
        // expect: payment-provider-call
        return verifyPurchase(publicKey, purchase.getOriginalJson(), purchase.getSignature());
    }

    void notPayment(Order order, Cart cart) {
        // ok: payment-provider-call
        order.create();
        // ok: payment-provider-call
        cart.getTotal();
    }

    // --- credential-input-read

    void login(HttpServletRequest request, org.json.JSONObject body) {
        // expect: credential-input-read
        String password = request.getParameter("password");
        // expect: credential-input-read
        String refresh = body.optString("refresh_token");
        // ok: credential-input-read
        String cursor = body.optString("next_page_token");
        // ok: credential-input-read
        String label = request.getParameter("password_hint_text");
        // ok: credential-input-read
        Object lexeme = tokens.get("token");
    }

    // --- crypto-algorithm-name

    String jcaName(String jwsAlgorithm) {
        switch (jwsAlgorithm) {
            // expect: crypto-algorithm-name
            case "HS256": return "HmacSHA256";
            // expect: crypto-algorithm-name
            case "RS256": return "SHA256withRSA";
            default: throw new IllegalArgumentException("unsupported algorithm");
        }
    }

    void notAlgorithm() throws Exception {
        // ok: crypto-algorithm-name
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: crypto-algorithm-name
        String model = "RS-256X";
        // ok: crypto-algorithm-name
        String checksum = "SHA-256";
    }

    // --- key-object-factory-definition

    // expect: key-object-factory-definition
    private SecretKey loadKey(String alias) {
        return keys.get(alias);
    }

    // expect: key-object-factory-definition
    SSLContext pinnedContext(KeyStore trustStore) throws Exception {
        // expect: keystore-call
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        // expect: tls-trust-configuration
        tmf.init(trustStore);
        // expect: tls-trust-configuration
        SSLContext ctx = SSLContext.getInstance("TLS");
        // expect: tls-trust-configuration
        ctx.init(null, tmf.getTrustManagers(), random);
        return ctx;
    }

    // ok: key-object-factory-definition
    String cacheKey(String user) {
        return "user:" + user;
    }

    // ok: key-object-factory-definition
    java.security.PublicKey publicKeyOf(java.security.cert.X509Certificate cert) {
        return cert.getPublicKey();
    }

    // --- tls-trust-configuration (anonymous managers, trust-mode switches, client auth)

    void trustEverything() {
        // expect: tls-trust-configuration
        this.trustAll = new X509TrustManager() {
            // expect: tls-trust-configuration
            public java.security.cert.X509Certificate[] getAcceptedIssuers() { return null; }
            // expect: tls-verification-disabled
            // expect: tls-trust-configuration
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
                // intentionally left blank
            }
            // ok: tls-verification-disabled
            // expect: tls-trust-configuration
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) throws java.security.cert.CertificateException {
                if (chain == null) throw new java.security.cert.CertificateException("empty chain");
            }
        };
    }

    // expect: tls-trust-configuration
    boolean setServerTrustMode(String mode) {
        return true;
    }

    // expect: tls-trust-configuration
    void setClientAuthMode(String mode, byte[] pkcs12) {
    }

    void endpointIdentity(SSLParameters params, KeyManagerFactory kmf, KeyStore ks, char[] pw) throws Exception {
        // expect: tls-trust-configuration
        params.setEndpointIdentificationAlgorithm("HTTPS");
        // expect: tls-trust-configuration
        kmf.init(ks, pw);
    }

    // ok: tls-trust-configuration
    void setTrustLevel(int level) {
        // ok: tls-trust-configuration
        this.listener = new Runnable() { public void run() { } };
    }

    // --- otp-call (hand-written HOTP)

    int truncate(byte[] hash, int digits) {
        // expect: otp-call
        int offset = hash[hash.length - 1] & 0xf;
        // expect: otp-call
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16);
        return binary % 1000000;
    }

    int notOtp(byte[] data, int[] table) {
        // ok: otp-call
        int last = data[data.length - 1] & 0xff;
        // ok: otp-call
        int high = (data[0] & 0xff) << 8;
        return last + high;
    }

    // --- secure-random-call (nonce / IV buffers)

    byte[] nonce() {
        byte[] iv = new byte[12];
        // expect: secure-random-call
        random.nextBytes(iv);
        byte[] saltBytes = new byte[16];
        // expect: secure-random-call
        random.nextBytes(saltBytes);
        return iv;
    }

    void shuffle(java.util.Random rnd, byte[] noise, byte[] pixels) {
        // ok: secure-random-call
        rnd.nextBytes(noise);
        // ok: secure-random-call
        rnd.nextBytes(pixels);
    }

    // --- password-encoder / password-verify-call

    boolean passwordLibraries(String candidate, String stored) {
        // expect: password-encoder
        String hash = Password.hash(candidate).withBcrypt().getResult();
        // expect: password-verify-call
        return Password.check(candidate, stored).withBcrypt();
    }

    // --- authentication-attempt-call (Shiro)

    void shiro(String user, char[] pass) {
        Subject currentUser = SecurityUtils.getSubject();
        // expect: authentication-attempt-call
        currentUser.login(new UsernamePasswordToken(user, pass));
    }

    void notShiroLogin(FtpClient ftp, ActivityTracker tracker) {
        // ok: authentication-attempt-call
        tracker.loginScreenShown();
        // ok: authentication-attempt-call
        tracker.authenticateButtonColor();
    }

    // --- permission-check-call (policy engines)

    boolean casbin(Enforcer enforcer, String subject, String object) {
        // expect: permission-check-call
        enforcer.addPolicy(subject, object, "read");
        // expect: permission-check-call
        return enforcer.enforce(subject, object, "read");
    }

    void notPolicy(CodeFormatter formatter, Rules rules) {
        // ok: permission-check-call
        formatter.enforceLineLength(120);
        // ok: permission-check-call
        rules.applyPolicy("retry");
    }

    // --- jose-verification-call (jose4j)

    Object jose4j(String jwt, java.security.Key key) throws Exception {
        // expect: jose-verification-call
        return new JwtConsumerBuilder().setRequireExpirationTime().setVerificationKey(key).build().processToClaims(jwt);
    }

    // --- verification-error-handling (key invalidated)

    void keyInvalidated(Exception e, String alias) throws Exception {
        // expect: verification-error-handling
        if (e instanceof KeyPermanentlyInvalidatedException) {
            keys.remove(alias);
        }
        // ok: verification-error-handling
        if (e instanceof java.io.IOException) {
            retry();
        }
    }

    // --- encryption-library-call (cloud KMS)

    byte[] kms(KmsClient kmsClient, Object request) {
        // expect: encryption-library-call
        return kmsClient.decrypt(request);
    }

    // --- jca-provider-internals (provider registration)

    void providers(java.security.Provider provider) {
        // expect: jca-provider-internals
        java.security.Security.addProvider(provider);
        // expect: jca-provider-internals
        java.security.Security.setProperty("jdk.tls.disabledAlgorithms", "SSLv3");
        // ok: jca-provider-internals
        java.security.Security.setProperty("networkaddress.cache.ttl", "60");
    }
}
