// Examples for the java pack's crypto-object-parameter and jca-provider-internals rules.
package examples;

import java.security.Key;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.MacSpi;

public class CryptoObjects {

    private MacSpi spi;

    // expect: crypto-object-parameter
    void init(Key key) {
        this.key = key;
    }

    // expect: crypto-object-parameter
    byte[] seal(Cipher cipher, byte[] data) throws Exception {
        return cipher.doFinal(data);
    }

    // ok: crypto-object-parameter
    String keyOf(String key, int shard) {
        return key + shard;
    }

    // ok: crypto-object-parameter
    int lookup(java.util.Map<String, Integer> index, String name) {
        return index.get(name);
    }

    private Key key;

    byte[] finish() {
        // expect: jca-provider-internals
        return spi.engineDoFinal();
    }

    Object lookupService(Provider provider, String algorithm) {
        // expect: jca-provider-internals
        return provider.getService("Mac", algorithm);
    }

    int macLength() {
        // ok: jca-provider-internals
        return spi.engineGetMacLength();
    }

    Object plugin(java.util.ServiceLoader<Object> loader) {
        // ok: jca-provider-internals
        return loader.findFirst().orElse(null);
    }
}
