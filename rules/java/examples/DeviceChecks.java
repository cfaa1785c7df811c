// Examples for the java pack's Android rules on device integrity (root, debugger, hook
// frameworks, Play Integrity) and on screen-capture protection.
package examples;

import android.os.Build;
import android.os.Debug;
import android.view.WindowManager;
import com.google.android.play.core.integrity.IntegrityManager;
import com.google.android.play.core.integrity.IntegrityManagerFactory;
import com.google.android.play.core.integrity.IntegrityTokenRequest;
import java.io.File;

public class DeviceChecks {

    boolean rooted() {
        // expect: device-integrity-check
        String[] paths = {"/system/xbin/su", "/sbin/su", "/system/app/Superuser.apk"};
        for (String path : paths) {
            if (new File(path).exists()) {
                return true;
            }
        }
        // expect: device-integrity-check
        return Build.TAGS != null && Build.TAGS.contains("test-keys");
    }

    boolean hooked(PackageLister lister) {
        // expect: device-integrity-check
        return lister.isInstalled("de.robv.android.xposed.installer") || Debug.isDebuggerConnected();
    }

    void attest(android.content.Context context, String nonce) {
        // expect: device-integrity-check
        IntegrityManager manager = IntegrityManagerFactory.create(context);
        // expect: device-integrity-check
        manager.requestIntegrityToken(IntegrityTokenRequest.builder().setNonce(nonce).build());
    }

    String notIntegrity(Shell shell, Translator translator) {
        // ok: device-integrity-check
        shell.run("/system/bin/sh");
        // ok: device-integrity-check
        String sudo = translator.translate("su");
        // ok: device-integrity-check
        return translator.translate("test-keys-and-values");
    }

    void notDebugging(Logger logger, Report report) {
        // ok: device-integrity-check
        logger.setDebug(true);
        // ok: device-integrity-check
        report.attach("stats");
    }

    void protectScreen(android.app.Activity activity) {
        // expect: screen-capture-protection
        activity.getWindow().setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE);
    }

    void allowCapture(android.app.Activity activity) {
        // expect: screen-capture-protection
        activity.getWindow().clearFlags(WindowManager.LayoutParams.FLAG_SECURE);
    }

    void fullScreen(android.app.Activity activity) {
        // ok: screen-capture-protection
        activity.getWindow().addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON);
        // ok: screen-capture-protection
        activity.getWindow().setFlags(WindowManager.LayoutParams.FLAG_FULLSCREEN, WindowManager.LayoutParams.FLAG_FULLSCREEN);
    }
}
