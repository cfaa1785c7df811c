// Examples for the java pack's cryptography rules: each marker applies to the next code line.
package examples;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.DigestUtils;

public class Cryptography {

    // expect: secure-random-call
    private final SecureRandom random = new SecureRandom();

    byte[] legacyPasswordHash(String password) throws Exception {
        // expect: weak-hash-call
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    String signatureOf(String body) {
        // expect: weak-hash-call
        return DigestUtils.sha1Hex(body);
    }

    String etagFor(byte[] body) throws Exception {
        // ok: weak-hash-call, message-digest-call
        MessageDigest md = MessageDigest.getInstance("MD5");
        return new String(md.digest(body), StandardCharsets.ISO_8859_1);
    }

    long checksum(byte[] body) {
        CRC32 crc = new CRC32();
        // ok: weak-hash-call
        crc.update(body);
        return crc.getValue();
    }

    byte[] sha256(byte[] body) throws Exception {
        // ok: weak-hash-call
        // expect: message-digest-call
        return MessageDigest.getInstance("SHA-256").digest(body);
    }

    byte[] sha512(byte[] body) throws Exception {
        // expect: message-digest-call
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        return md.digest(body);
    }

    UUID nameUuid(byte[] name) {
        // ok: message-digest-call
        return UUID.nameUUIDFromBytes(name);
    }

    int hashCodeOf(Object value) {
        // ok: message-digest-call
        return value.hashCode();
    }

    byte[] encryptLegacy(SecretKeySpec key, byte[] data) throws Exception {
        // expect: weak-cipher-mode, cipher-call
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    Cipher tripleDes() throws Exception {
        // expect: weak-cipher-mode, cipher-call
        return Cipher.getInstance("DESede/CBC/PKCS5Padding");
    }

    Cipher gcm() throws Exception {
        // ok: weak-cipher-mode
        // expect: cipher-call
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher oaep() throws Exception {
        // ok: weak-cipher-mode
        // expect: cipher-call
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    String cipherName() {
        // ok: cipher-call
        return "AES/GCM/NoPadding";
    }

    String caesar(String text) {
        // ok: cipher-call
        return text.toUpperCase();
    }

    SecretKeySpec fieldKey(byte[] raw) {
        // expect: key-material-call
        return new SecretKeySpec(raw, "AES");
    }

    java.security.KeyPair signingPair() throws Exception {
        // expect: key-material-call
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        return gen.generateKeyPair();
    }

    String primaryKey(java.util.Map<String, String> row) {
        // ok: key-material-call
        return row.get("id");
    }

    String cacheKeyFor(String user) {
        // ok: key-material-call
        return "cart:" + user;
    }

    byte[] webhookMac(byte[] secretBytes, byte[] body) throws Exception {
        // expect: mac-call
        Mac mac = Mac.getInstance("HmacSHA256");
        // expect: key-material-call
        mac.init(new SecretKeySpec(secretBytes, "HmacSHA256"));
        return mac.doFinal(body);
    }

    // expect: mac-call
    byte[] computeHmac(byte[] body) {
        return body;
    }

    // ok: mac-call
    boolean isMacOs(String os) {
        return os.startsWith("Mac");
    }

    String machineName() {
        // ok: mac-call
        return System.getProperty("os.name");
    }

    boolean verifyRelease(java.security.PublicKey pub, byte[] data, byte[] sig) throws Exception {
        // expect: signature-call
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pub);
        verifier.update(data);
        return verifier.verify(sig);
    }

    Signature rsaSigner() throws Exception {
        // expect: signature-call
        return Signature.getInstance("SHA256withRSA");
    }

    String signUp(String name) {
        // ok: signature-call
        return "welcome " + name;
    }

    int signOf(int value) {
        // ok: signature-call
        return Integer.signum(value);
    }

    boolean sameMac(byte[] expected, byte[] actual) {
        // expect: constant-time-compare
        return MessageDigest.isEqual(expected, actual);
    }

    static boolean slowEquals(byte[] a, byte[] b) {
        int diff = a.length ^ b.length;
        for (int i = 0; i < a.length && i < b.length; i++) {
            // expect: constant-time-compare
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    boolean sameEtag(String a, String b) {
        // ok: constant-time-compare
        return a.equals(b);
    }

    int flags(int a, int b) {
        int f = 0;
        // ok: constant-time-compare
        f |= a & b;
        return f;
    }

    byte[] newSalt() {
        byte[] salt = new byte[16];
        // expect: secure-random-call
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    SecureRandom strong() throws Exception {
        // expect: secure-random-call
        return SecureRandom.getInstanceStrong();
    }

    int shuffleSeed() {
        // ok: secure-random-call, insecure-random-for-secret
        return new Random().nextInt(100);
    }

    long jitterMillis() {
        // ok: secure-random-call, insecure-random-for-secret
        return ThreadLocalRandom.current().nextLong(50, 250);
    }

    String generateResetToken() {
        // expect: insecure-random-for-secret
        return Long.toHexString(new Random().nextLong());
    }

    int newOtp() {
        // expect: insecure-random-for-secret
        return 100000 + (int) (Math.random() * 900000);
    }

    KeyStore open(java.io.InputStream in, char[] storePassword) throws Exception {
        // expect: keystore-call
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, storePassword);
        return ks;
    }

    KeyGenerator aesGenerator() throws Exception {
        // ok: keystore-call
        // expect: key-material-call
        return KeyGenerator.getInstance("AES");
    }

    javax.net.ssl.TrustManagerFactory trust() throws Exception {
        // expect: keystore-call
        return javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
    }

    String storeName() {
        // ok: keystore-call
        return "keystore.p12";
    }
}
