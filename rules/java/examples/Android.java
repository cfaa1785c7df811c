// Examples for the java pack's Android rules: Keystore key specs, biometric prompts, encrypted
// storage, credentials in preferences, cookie stores and WebView settings.
package examples;

import android.accounts.Account;
import android.accounts.AccountManager;
import android.content.SharedPreferences;
import android.database.Cursor;
import android.net.http.SslError;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import android.webkit.CookieManager;
import android.webkit.SslErrorHandler;
import android.webkit.WebSettings;
import android.webkit.WebView;
import android.webkit.WebViewClient;
import androidx.biometric.BiometricManager;
import androidx.biometric.BiometricPrompt;
import androidx.security.crypto.EncryptedSharedPreferences;
import androidx.security.crypto.MasterKey;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;

public class Android {

    KeyGenParameterSpec keySpec() {
        // expect: android-keystore-key-spec
        return new KeyGenParameterSpec.Builder("vault", KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setUserAuthenticationRequired(true)
            .build();
    }

    // expect: android-keystore-key-spec
    void tighten(KeyGenParameterSpec.Builder builder) {
        // expect: android-keystore-key-spec
        builder.setInvalidatedByBiometricEnrollment(true);
    }

    void notKeystore(NotificationBuilder notification, Request.Builder request) {
        // ok: android-keystore-key-spec
        notification.setAutoCancel(true);
        // ok: android-keystore-key-spec
        request.setRequired(true);
    }

    void unlock(androidx.fragment.app.FragmentActivity activity, java.util.concurrent.Executor executor, BiometricPrompt.AuthenticationCallback callback, javax.crypto.Cipher cipher) {
        // expect: biometric-authentication
        BiometricPrompt prompt = new BiometricPrompt(activity, executor, callback);
        // expect: biometric-authentication
        BiometricPrompt.PromptInfo info = new BiometricPrompt.PromptInfo.Builder()
            .setTitle("Unlock")
            .setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
            .build();
        // expect: biometric-authentication
        prompt.authenticate(info, new BiometricPrompt.CryptoObject(cipher));
    }

    boolean available(android.content.Context context) {
        // expect: biometric-authentication
        return BiometricManager.from(context).canAuthenticate(BiometricManager.Authenticators.BIOMETRIC_STRONG) == BiometricManager.BIOMETRIC_SUCCESS;
    }

    // expect: biometric-authentication
    public void onAuthenticationSucceeded(Object result) {
        openVault();
    }

    void login(LoginClient client, Dialog dialog) {
        // ok: biometric-authentication
        client.authenticateLater();
        // ok: biometric-authentication
        dialog.setTitle("Sign in");
    }

    // ok: biometric-authentication
    public void onAuthenticationHelp(int code, CharSequence text) {
        showHint(text);
    }

    SharedPreferences securePrefs(android.content.Context context) throws Exception {
        // expect: encryption-library-call
        MasterKey key = new MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build();
        // expect: encryption-library-call
        return EncryptedSharedPreferences.create(context, "secure", key,
            EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
            EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM);
    }

    byte[] tink(KeysetHandle handle, byte[] data) throws Exception {
        // expect: encryption-library-call
        Aead aead = handle.getPrimitive(Aead.class);
        // expect: encryption-library-call
        return aead.encrypt(data, new byte[0]);
    }

    Object bouncy() {
        // expect: encryption-library-call
        return new GCMBlockCipher(new AESEngine());
    }

    SharedPreferences plainPrefs(android.content.Context context, StringBuilder text) {
        // ok: encryption-library-call
        text.append("encrypt");
        // ok: encryption-library-call
        return context.getSharedPreferences("settings", 0);
    }

    void saveToken(SharedPreferences prefs, String token) {
        // expect: credential-preference-storage
        prefs.edit().putString("access_token", token).apply();
    }

    String password(SharedPreferences prefs) {
        // expect: credential-preference-storage
        return prefs.getString(KEY_PASSWORD, null);
    }

    void account(AccountManager manager, Account account, String token) {
        // expect: credential-preference-storage
        manager.setAuthToken(account, "full_access", token);
    }

    String theme(SharedPreferences prefs, Cursor cursor) {
        // ok: credential-preference-storage
        String name = cursor.getString(cursor.getColumnIndex("name"));
        // ok: credential-preference-storage
        return prefs.getString("theme", name);
    }

    String tokenizer(SharedPreferences prefs) {
        // ok: credential-preference-storage
        return prefs.getString("tokenizer_mode", "simple");
    }

    void injectSession(String sessionCookie) {
        // expect: web-cookie-store-call
        CookieManager.getInstance().setCookie("https://shop.example", "SESSION=" + sessionCookie);
    }

    void logout() {
        // expect: web-cookie-store-call
        CookieManager.getInstance().removeAllCookies(null);
    }

    void notCookies(Jar jar, Recipe recipe) {
        // ok: web-cookie-store-call
        jar.setLabel("cookies");
        // ok: web-cookie-store-call
        recipe.setCookieCount(12);
    }

    void bridge(WebView view, Object api) {
        // expect: webview-security-setting
        view.addJavascriptInterface(api, "Native");
        WebSettings settings = view.getSettings();
        // expect: webview-security-setting
        settings.setAllowUniversalAccessFromFileURLs(true);
    }

    void harmless(WebView view) {
        WebSettings settings = view.getSettings();
        // ok: webview-security-setting
        settings.setTextZoom(120);
        // ok: webview-security-setting
        view.loadUrl("https://example.com/help");
    }

    static class Client extends WebViewClient {
        @Override
        // expect: webview-security-setting
        public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
            // expect: webview-tls-error-proceed
            handler.proceed();
        }
    }

    static class StrictClient extends WebViewClient {
        @Override
        // expect: webview-security-setting
        public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
            // ok: webview-tls-error-proceed
            handler.cancel();
        }

        void next(Pipeline pipeline) {
            // ok: webview-tls-error-proceed
            pipeline.proceed();
        }
    }

    void debugClient(WebView view, boolean debug) {
        view.setWebViewClient(new WebViewClient() {
            @Override
            // expect: webview-security-setting
            public void onReceivedSslError(WebView v, SslErrorHandler handler, SslError error) {
                if (debug) {
                    // expect: webview-tls-error-proceed
                    handler.proceed();
                } else {
                    handler.cancel();
                }
            }
        });
    }

    static final String KEY_PASSWORD = "password";

    void openVault() {
    }

    void showHint(CharSequence text) {
    }
}
