// Examples for the java pack's rules on Android Keystore key protection: key specs held in
// variables, hardware security levels, key-store lookups and the authenticators a biometric
// prompt accepts.
package examples;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyInfo;
import android.security.keystore.KeyProperties;
import androidx.biometric.BiometricManager;
import androidx.biometric.BiometricPrompt;
import java.security.Key;
import java.security.KeyStore;
import java.security.Signature;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKeyFactory;

public class KeyProtection {

    Key generateFromSpec(String alias) throws Exception {
        // expect: android-keystore-key-spec
        final KeyGenParameterSpec spec = specBuilderFor(alias).build();
        return generate(spec);
    }

    // expect: android-keystore-key-spec
    Key generate(KeyGenParameterSpec spec) throws Exception {
        KeyGenerator keyGenerator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore");
        // expect: key-parsing-call
        keyGenerator.init(spec);
        // expect: key-parsing-call
        return keyGenerator.generateKey();
    }

    Object notKeySpecs(Intent intent) {
        // ok: android-keystore-key-spec
        final ParameterSpec layout = new ParameterSpec("grid");
        // ok: android-keystore-key-spec
        final NotificationSpec spec = NotificationSpec.of(intent);
        return layout;
    }

    Key loadOrCreate(KeyStore keyStore, String alias) throws Exception {
        // expect: key-parsing-call
        if (!keyStore.containsAlias(alias)) {
            createKey(alias);
        }
        return null;
    }

    boolean notKeyStores(java.util.Map<String, String> aliases, Generator idGenerator) {
        // ok: key-parsing-call
        idGenerator.init(42);
        // ok: key-parsing-call
        return aliases.containsKey("alias");
    }

    // expect: key-security-level-check
    void requireLevel(SecurityLevel required) throws Exception {
        if (!current().satisfies(required)) {
            throw new IllegalStateException("storage is weaker than required");
        }
    }

    boolean hardwareBacked(Key key) throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance(key.getAlgorithm(), "AndroidKeyStore");
        // expect: key-security-level-check
        KeyInfo info = (KeyInfo) factory.getKeySpec((javax.crypto.SecretKey) key, KeyInfo.class);
        // expect: key-security-level-check
        return info.isInsideSecureHardware();
    }

    boolean strongBox(KeyInfo info) {
        // expect: key-security-level-check
        return info.getSecurityLevel() == KeyProperties.SECURITY_LEVEL_STRONGBOX;
    }

    // ok: key-security-level-check
    void logAt(LogLevel level, BatteryLevel battery) {
        // ok: key-security-level-check
        int charge = battery.getLevel();
        // ok: key-security-level-check
        logger.setLevel(level);
    }

    private int allowedAuthenticators(boolean allowDeviceCredential) {
        if (allowDeviceCredential) {
            // expect: biometric-authentication
            return BiometricManager.Authenticators.BIOMETRIC_STRONG | BiometricManager.Authenticators.DEVICE_CREDENTIAL;
        }
        // expect: biometric-authentication
        return BiometricManager.Authenticators.BIOMETRIC_STRONG;
    }

    private int notAuthenticators(Layout layout) {
        // ok: biometric-authentication
        int gravity = Layout.Alignment.CENTER;
        // ok: biometric-authentication
        return layout.STRONG_BORDER;
    }
}
