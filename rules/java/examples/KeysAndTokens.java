// Examples for the java pack's key, certificate, token-verification and outgoing-credential rules.
package examples;

import com.auth0.jwk.JwkProviderBuilder;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseToken;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.Claims;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Hashtable;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.naming.Context;
import okhttp3.Credentials;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

public class KeysAndTokens {

    private final Cipher cipher;
    private final Signature signer;
    private final Mac mac;

    KeysAndTokens(Cipher cipher, Signature signer, Mac mac) {
        this.cipher = cipher;
        this.signer = signer;
        this.mac = mac;
    }

    byte[] seal(SecretKey key, byte[] iv, byte[] plain) throws Exception {
        // expect: cipher-operation-call
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        // expect: cipher-operation-call
        return cipher.doFinal(plain);
    }

    boolean check(PublicKey key, byte[] data, byte[] sig) throws Exception {
        // expect: cipher-operation-call
        signer.initVerify(key);
        signer.update(data);
        return signer.verify(sig);
    }

    void notCrypto(Engine engine, Widget widget) {
        // ok: cipher-operation-call
        engine.init(Engine.FAST_MODE);
        // ok: cipher-operation-call
        widget.doFinalLayout();
    }

    PublicKey publicKey(byte[] der) throws Exception {
        // expect: key-parsing-call
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    PrivateKey privateKey(KeyFactory factory, byte[] der) throws Exception {
        // expect: key-parsing-call
        return factory.generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    java.security.Key fromStore(KeyStore keyStore, char[] password) throws Exception {
        // expect: key-parsing-call
        return keyStore.getKey("signing", password);
    }

    String notKeys(java.util.Map.Entry<String, String> entry, Report report) {
        // ok: key-parsing-call
        report.generateSummary();
        // ok: key-parsing-call
        return entry.getKey();
    }

    X509Certificate certificate(InputStream pem) throws Exception {
        // expect: certificate-validation-call
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
    }

    void pin(okhttp3.OkHttpClient.Builder client) {
        // expect: certificate-validation-call
        client.certificatePinner(new okhttp3.CertificatePinner.Builder().add("api.example.com", "sha256/AAAA").build());
    }

    void notCertificates(Coupon coupon, ReportFactory reports) {
        // ok: certificate-validation-call
        coupon.checkExpiry();
        // ok: certificate-validation-call
        reports.generateCsv();
    }

    DefaultJWTProcessor<?> processor(java.net.URL jwks) throws Exception {
        // expect: jose-verification-call
        DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> processor = new DefaultJWTProcessor<>();
        // expect: jose-verification-call
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder.create(jwks).build()));
        return processor;
    }

    boolean verifyJws(SignedJWT jwt, java.security.interfaces.RSAPublicKey key) throws Exception {
        // expect: jose-verification-call
        return jwt.verify(new RSASSAVerifier(key));
    }

    void sign(SignedJWT signedJWT, byte[] secret) throws Exception {
        // expect: jose-verification-call
        signedJWT.sign(new MACSigner(secret));
    }

    Object validators() {
        // expect: jose-verification-call
        return JwtValidators.createDefaultWithIssuer("https://issuer.example");
    }

    Object jwks() {
        // expect: jose-verification-call
        return new JwkProviderBuilder("https://tenant.example").cached(10, 24, java.util.concurrent.TimeUnit.HOURS).build();
    }

    void saml(org.opensaml.saml.saml2.core.Assertion assertion, org.opensaml.security.credential.Credential credential) throws Exception {
        // expect: jose-verification-call
        org.opensaml.xmlsec.signature.support.SignatureValidator.validate(assertion.getSignature(), credential);
    }

    void notJose(SignedUpload upload, FormValidator form) {
        // ok: jose-verification-call
        upload.verifyChecksum();
        // ok: jose-verification-call
        form.validate("email");
    }

    String username(String token) {
        // expect: jwt-claims-access
        return extractClaim(token, Claims::getSubject);
    }

    String tenant(Jwt jwt) {
        // expect: jwt-claims-access
        return jwt.getClaimAsString("tenant_id");
    }

    String name(Person person) {
        // ok: jwt-claims-access
        return apply(person, Person::getName);
    }

    String config(Settings settings) {
        // ok: jwt-claims-access
        return settings.getValueAsString("page_size");
    }

    String uid(String idToken) throws Exception {
        // expect: identity-provider-call
        FirebaseToken decoded = FirebaseAuth.getInstance().verifyIdToken(idToken, true);
        return decoded.getUid();
    }

    void signIn(com.google.firebase.auth.FirebaseAuth auth, String email, String password) {
        // expect: identity-provider-call
        auth.signInWithEmailAndPassword(email, password);
    }

    void jaas(javax.security.auth.callback.CallbackHandler handler) throws Exception {
        // expect: identity-provider-call
        javax.security.auth.login.LoginContext context = new javax.security.auth.login.LoginContext("App", handler);
        context.login();
    }

    void notIdp(Profile profile, Mailer mailer) {
        // ok: identity-provider-call
        profile.updateNickname("kim");
        // ok: identity-provider-call
        mailer.sendWelcomeEmail("kim@example.com");
    }

    String basic(String user, String secret) {
        // expect: outgoing-credential-call
        return Credentials.basic(user, secret);
    }

    Object aws(String accessKeyId, String secretKey) {
        // expect: outgoing-credential-call
        return AwsBasicCredentials.create(accessKeyId, secretKey);
    }

    void ldap(Hashtable<String, Object> env, String dn, String bindSecret) {
        // expect: outgoing-credential-call
        env.put(Context.SECURITY_CREDENTIALS, bindSecret);
    }

    void notCredentials(Hashtable<String, Object> env, okhttp3.Request.Builder request) {
        // ok: outgoing-credential-call
        env.put(Context.PROVIDER_URL, "ldap://directory.example:636");
        // ok: outgoing-credential-call
        request.header("Accept", "application/json");
    }

    // expect: crypto-operation-definition
    byte[] encrypt(byte[] plain) throws Exception {
        return plain;
    }

    // expect: crypto-operation-definition
    String decryptCardNumber(String value) {
        return value;
    }

    // expect: crypto-operation-definition
    SecretKey deriveKey(char[] passphrase, byte[] salt) {
        return null;
    }

    // ok: crypto-operation-definition
    boolean isEncrypted() {
        return false;
    }

    // ok: crypto-operation-definition
    String encryptionAlgorithm() {
        return "AES/GCM/NoPadding";
    }

    // ok: crypto-operation-definition
    void sealedClassHint() {
    }

    // ok: crypto-operation-definition
    void seal() {
    }

    <T> T extractClaim(String token, Function<Claims, T> resolver) {
        return null;
    }

    <T, R> R apply(T value, Function<T, R> f) {
        return f.apply(value);
    }
}
