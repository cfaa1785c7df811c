package com.example.shop;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public final class PasswordHasher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey fieldKey;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(InputStream keystore, char[] storePassword, String alias) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(keystore, storePassword);
        this.fieldKey = (SecretKey) ks.getKey(alias, storePassword);
    }

    public static byte[] sha256(String value) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return digest.digest(value.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean sameDigest(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    public byte[] encrypt(String plaintext) throws Exception {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, fieldKey, new GCMParameterSpec(TAG_BITS, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    public String decrypt(byte[] message) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, fieldKey, new GCMParameterSpec(TAG_BITS, iv));
        return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    }
}
