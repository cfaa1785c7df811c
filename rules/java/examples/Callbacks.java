// Examples for the java pack's rule on methods that run a biometric prompt, a signature or a
// key-store lookup inside an anonymous Runnable or callback they create.
package examples;

import androidx.biometric.BiometricPrompt;
import java.security.KeyStore;
import java.security.Signature;

public class Callbacks {

    // expect: security-work-in-callback
    public void signWithPrompt(final String payload, final Promise promise) {
        runOnUiThread(new Runnable() {
            @Override
            // expect: security-work-in-callback
            public void run() {
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    KeyStore keyStore = KeyStore.getInstance("AndroidKeyStore");
                    keyStore.load(null);
                    signature.initSign((java.security.PrivateKey) keyStore.getKey("biometric_key", null));
                    BiometricPrompt prompt = new BiometricPrompt(activity(), executor(), new SignatureCallback(promise, payload));
                    prompt.authenticate(promptInfo(), new BiometricPrompt.CryptoObject(signature));
                } catch (Exception e) {
                    promise.reject("sign failed", e);
                }
            }
        });
    }

    // expect: security-work-in-callback
    public void promptOnly(final Promise promise) {
        runOnUiThread(new Runnable() {
            @Override
            // expect: security-work-in-callback
            public void run() {
                new BiometricPrompt(activity(), executor(), new SimpleCallback(promise)).authenticate(promptInfo());
            }
        });
    }

    // ok: security-work-in-callback
    public void refreshList(final Adapter adapter) {
        runOnUiThread(new Runnable() {
            @Override
            // ok: security-work-in-callback
            public void run() {
                adapter.notifyDataSetChanged();
            }
        });
    }

    // ok: security-work-in-callback
    void signLocally(java.security.PrivateKey key, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
    }
}
