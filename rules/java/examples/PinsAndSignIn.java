// Examples for the java pack's rules on certificate pins given as strings and on tokens read from
// sign-in SDKs (Google Sign-In, Facebook Login).
package examples;

import com.facebook.AccessToken;
import com.google.android.gms.auth.api.signin.GoogleSignInAccount;
import com.google.android.gms.auth.api.signin.GoogleSignInClient;
import java.util.List;

public class PinsAndSignIn {

    static final String[] PINS = {
        // expect: certificate-validation-call
        "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        // expect: certificate-validation-call
        "sha256/r/mIkG3eEpVdm+u/ko/cwxzOMo1bk4TyHIlByibiA5E=",
    };

    void notPins(List<String> names, Checksums checksums) {
        // ok: certificate-validation-call
        names.add("sha256");
        // ok: certificate-validation-call
        checksums.expect("sha256/hex");
    }

    String idToken(GoogleSignInAccount account) {
        // expect: identity-provider-call
        return account.getIdToken();
    }

    void signIn(GoogleSignInClient client) {
        // expect: identity-provider-call
        client.silentSignIn();
        // expect: identity-provider-call
        String token = AccessToken.getCurrentAccessToken().getToken();
    }

    void notSignIn(Profile profile, Form form) {
        // ok: identity-provider-call
        String name = profile.getDisplayName();
        // ok: identity-provider-call
        form.signOff();
    }
}
