// Examples for the java pack's digest rules: a digest streamed over a file is a checksum for
// comparing files, while a digest of a secret or a keyed check still needs a reviewer.
package examples;

import java.io.File;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

public class Checksums {

    String hash(String filepath, String algorithm) throws Exception {
        // ok: message-digest-call
        MessageDigest md = MessageDigest.getInstance(algorithm);
        FileInputStream in = new FileInputStream(filepath);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            md.update(buffer, 0, read);
        }
        return hex(md.digest());
    }

    byte[] legacyDigest(Path file) throws Exception {
        // ok: weak-hash-call
        return MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file));
    }

    byte[] hashPassword(char[] password, byte[] salt) throws Exception {
        // expect: message-digest-call
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt);
        return md.digest(new String(password).getBytes());
    }

    boolean verifyDownload(Path file, byte[] expected, byte[] macKey) throws Exception {
        // expect: message-digest-call
        byte[] actual = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return MessageDigest.isEqual(actual, expected);
    }

    byte[] apiSignature(String body) throws Exception {
        // expect: weak-hash-call
        return MessageDigest.getInstance("SHA-1").digest(body.getBytes());
    }

    String hex(byte[] bytes) {
        return "";
    }
}
